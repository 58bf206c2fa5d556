package dev.orrery.center.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.ErrorCode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Content-Type naming an unknown character set gets the API's 415 JSON, not a container error page. */
class CharsetHttpTest {
    private SecuredApi api;

    @BeforeEach
    void start() throws Exception {
        api = new SecuredApi(RateLimiter.NONE, s -> List.of(), MarketPaths.DEFAULTS);
        api.account("op", "operator", List.of(), false);
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void anUnknownCharsetIsRefusedWith415AndNoInternals() throws Exception {
        byte[] body = "{\"targets\":{\"hosts\":[\"h-1\"]},\"command\":\"true\"}".getBytes(StandardCharsets.UTF_8);
        for (String type : List.of("application/json; charset=nope", "application/json;charset=\"x-y\"", "application/json; charset=",
                "application/java-archive; charset=../../etc")) {
            HttpResponse<String> r = api.bytes("op", "POST", "/api/v1/cmd", body, type);
            assertEquals(415, r.statusCode(), type + " -> " + r.body());
            JsonNode error = Json.MAPPER.readTree(r.body()).get("error");
            assertEquals(ErrorCode.UNSUPPORTED_MEDIA_TYPE.name(), error.get("code").asText());
            assertEquals("proxy", error.get("layer").asText());
            assertFalse(r.body().contains("Exception") || r.body().contains("java."), r.body());
        }
    }

    @Test
    void knownCharsetsPassThrough() throws Exception {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = api.bytes("op", "POST", "/api/v1/cmd", body, "application/json; charset=UTF-8");
        assertEquals(400, r.statusCode(), r.body()); // reached the resource: the body is incomplete
        assertTrue(r.body().contains("INVALID_REQUEST") || r.body().contains("NO_TARGET"), r.body());
        assertEquals("utf-8", ApiServlet.charsetOf("text/plain; charset=\"utf-8\""));
        assertNull(ApiServlet.charsetOf("application/json"));
        assertTrue(ApiServlet.known("ISO-8859-1"));
        assertFalse(ApiServlet.known("no such"));
    }
}
