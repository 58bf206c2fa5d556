package dev.orrery.center.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import java.util.List;
import javax.ws.rs.InternalServerErrorException;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {

    private static JsonNode error(Response r) throws Exception {
        JsonNode root = Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(r.getEntity()));
        assertEquals(1, root.size(), "only the error object: " + root);
        return root.get("error");
    }

    @Test
    void orreryExceptionsKeepCodeLayerMessageAndDetails() throws Exception {
        Response r = new OrreryExceptionMapper().toResponse(
                new OrreryException(ErrorCode.UNKNOWN_TARGET, "unknown targets: a, b", List.of("a", "b")));
        assertEquals(400, r.getStatus());
        JsonNode e = error(r);
        assertEquals("UNKNOWN_TARGET", e.get("code").asText());
        assertEquals("proxy", e.get("layer").asText());
        assertEquals("unknown targets: a, b", e.get("message").asText());
        assertEquals("[\"a\",\"b\"]", e.get("details").toString());
    }

    @Test
    void detailsAreOmittedWhenEmpty() throws Exception {
        JsonNode e = error(new OrreryExceptionMapper().toResponse(new OrreryException(ErrorCode.NOT_FOUND, "no task 'x'")));
        assertFalse(e.has("details"));
    }

    @Test
    void codesThatOnlyLiveInResultsBecome500() {
        assertEquals(500, new OrreryExceptionMapper().toResponse(new OrreryException(ErrorCode.HOST_OFFLINE, "x")).getStatus());
    }

    @Test
    void frameworkRefusalsGetTheirCodes() throws Exception {
        WebApplicationExceptionMapper m = new WebApplicationExceptionMapper();
        assertEquals("NOT_FOUND", error(m.toResponse(new NotFoundException())).get("code").asText());
        Response notAllowed = m.toResponse(new NotAllowedException("not allowed", "GET", new String[] {"HEAD"}));
        assertEquals(405, notAllowed.getStatus());
        assertEquals("METHOD_NOT_ALLOWED", error(notAllowed).get("code").asText());
        assertTrue(notAllowed.getHeaderString(HttpHeaders.ALLOW).contains("GET"));
        Response unsupported = m.toResponse(new NotSupportedException());
        assertEquals(415, unsupported.getStatus());
        assertEquals("UNSUPPORTED_MEDIA_TYPE", error(unsupported).get("code").asText());
        assertEquals("INTERNAL", error(m.toResponse(new InternalServerErrorException("db password is hunter2"))).get("code").asText());
        assertFalse(error(m.toResponse(new InternalServerErrorException("db password is hunter2"))).toString().contains("hunter2"));
    }

    @Test
    void theCatchAllNeverLeaksTheExceptionOrItsStackTrace() throws Exception {
        Exception inner = new IllegalStateException("jdbc:derby:/secret/path password=hunter2");
        Response r = new FallbackExceptionMapper().toResponse(new RuntimeException("wrapper", inner));
        assertEquals(500, r.getStatus());
        String text = Json.MAPPER.writeValueAsString(r.getEntity());
        assertEquals("INTERNAL", error(r).get("code").asText());
        for (String leak : List.of("hunter2", "derby", "wrapper", "Exception", "at dev.orrery", ".java:")) {
            assertFalse(text.contains(leak), "leaked " + leak + ": " + text);
        }
    }

    @Test
    void jacksonFailuresAreMapped() throws Exception {
        Response r = new JsonExceptionMapper().toResponse(new JsonParseException(null, "Unexpected character"));
        assertEquals(400, r.getStatus());
        assertEquals("MALFORMED_JSON", error(r).get("code").asText());
    }
}
