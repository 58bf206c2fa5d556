package dev.orrery.center.rest.internal;

import dev.orrery.api.ErrorCode;
import java.util.List;
import java.util.Set;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

/**
 * Answers the framework's own refusals (no such path, wrong method, wrong content type, ...)
 * in the error JSON. The framework's message is not passed on: each status gets a fixed text.
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        Response answer = ErrorResponses.of(codeOf(status), messageOf(status), List.of(), status < 400 ? 500 : status);
        Set<String> allowed = e.getResponse() == null ? Set.of() : e.getResponse().getAllowedMethods();
        if (!allowed.isEmpty()) {
            return Response.fromResponse(answer).allow(allowed).build();
        }
        return answer;
    }

    static ErrorCode codeOf(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.BODY_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 400 && status < 500 ? ErrorCode.INVALID_REQUEST : ErrorCode.INTERNAL;
        };
    }

    static String messageOf(int status) {
        return switch (status) {
            case 400 -> "the request is invalid";
            case 401 -> "the request is not authenticated";
            case 404 -> "no such resource: see the API reference for the paths under /api/v1";
            case 405 -> "this method is not allowed on this path";
            case 406 -> "the API answers only application/json";
            case 413 -> "the request body is too large";
            case 415 -> "the request body must be application/json";
            default -> status >= 400 && status < 500 ? "the request was refused (HTTP " + status + ")"
                    : "internal error; the center's log has the details";
        };
    }
}
