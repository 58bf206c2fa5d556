package dev.orrery.center.rest.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers an {@link OrreryException} with its code, layer, message and details. */
public final class OrreryExceptionMapper implements ExceptionMapper<OrreryException> {
    private static final Logger LOG = LoggerFactory.getLogger(OrreryExceptionMapper.class);

    @Override
    public Response toResponse(OrreryException e) {
        int status = ErrorResponses.statusOf(e.code());
        if (status >= 500 && e.code() != ErrorCode.OVERLOADED) {
            // The message is client-safe by contract; the cause may not be, so it goes to the log only.
            LOG.warn("REST request failed with {}: {}", e.code(), e.getMessage(), e.getCause());
        }
        String message = e.getMessage() == null ? defaultMessage(e.code()) : e.getMessage();
        return ErrorResponses.of(e.code(), message, e.details(), status);
    }

    private static String defaultMessage(ErrorCode code) {
        return code.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
