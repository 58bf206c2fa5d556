package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

/**
 * Answers a Jackson failure that escaped a resource: unparsable text is {@code MALFORMED_JSON},
 * well-formed JSON of the wrong shape, or over a {@link Json} limit, is {@code INVALID_REQUEST}. Request bodies are parsed by
 * {@link CmdRequestParser}, which reports its own codes; this mapper is the safety net.
 */
public final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            OrreryException refused = Json.refusal(e);
            return ErrorResponses.of(refused.code(), refused.getMessage());
        }
        if (e instanceof JsonMappingException) {
            return ErrorResponses.of(ErrorCode.INVALID_REQUEST, "the JSON body has the wrong shape: " + Json.describe(e));
        }
        return ErrorResponses.of(ErrorCode.MALFORMED_JSON, "the body is not well-formed JSON: " + Json.describe(e));
    }
}
