package dev.orrery.center.rest.internal;

import dev.orrery.api.ErrorCode;
import java.util.List;
import java.util.UUID;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort: any other failure becomes 500 {@code INTERNAL} (except CXF's failure to decode
 * a request target that is not a valid URI: 400 {@code INVALID_REQUEST}). The stack trace goes to the
 * log under a short reference that the answer quotes; the answer never carries the trace or the
 * exception's own message.
 */
public final class FallbackExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackExceptionMapper.class);

    @Override
    public Response toResponse(Throwable t) {
        if (t instanceof IllegalArgumentException && !RawTarget.isValid(PhaseInterceptorChain.getCurrentMessage())) {
            // CXF decodes the query before any filter runs and throws on a broken escape: the client's fault
            return ErrorResponses.of(ErrorCode.INVALID_REQUEST, RawTarget.INVALID);
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Unexpected failure in a REST request (reference {})", reference, t);
        return ErrorResponses.of(ErrorCode.INTERNAL, "internal error; the center's log has the details under reference "
                + reference, List.of(), 500);
    }
}
