package dev.orrery.center.rest.internal;

import dev.orrery.api.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** Builds the error answer every non-2xx response carries ({@code {"error":{"code","layer","message"}}}), with {@code Retry-After} on a 503. */
final class ErrorResponses {
    private ErrorResponses() {
    }

    /**
     * @param code the code
     * @param message client-safe text
     * @return the response, with the code's HTTP status
     */
    static Response of(ErrorCode code, String message) {
        return of(code, message, List.of(), statusOf(code));
    }

    /**
     * @param code the code
     * @param message client-safe text
     * @param details offending values, omitted from the JSON when empty
     * @param status the HTTP status
     * @return the response
     */
    static Response of(ErrorCode code, String message, List<String> details, int status) {
        Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body(code, message, details));
        if (status == 503) {
            // the center is busy or its store is away for a moment: clients may try again soon
            r.header("Retry-After", "1");
        }
        return r.build();
    }

    /**
     * @param code the code
     * @param message client-safe text
     * @param details offending values, omitted when empty
     * @return the JSON object as a map
     */
    static Map<String, Object> body(ErrorCode code, String message, List<String> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code.name());
        error.put("layer", code.layer().wireName());
        error.put("message", message);
        if (!details.isEmpty()) {
            error.put("details", List.copyOf(details));
        }
        return Map.of("error", error);
    }

    /**
     * @param code a code
     * @return its HTTP status, or 500 for codes that only appear inside per-host results
     */
    static int statusOf(ErrorCode code) {
        return code.httpStatus() >= 400 ? code.httpStatus() : 500;
    }
}
