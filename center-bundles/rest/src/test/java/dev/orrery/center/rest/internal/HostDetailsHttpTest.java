package dev.orrery.center.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.ErrorCode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /hosts/{id} with the agent's status and the inventory, and PUT /hosts/{id}, over real HTTP. */
class HostDetailsHttpTest {
    private SecuredApi api;

    @BeforeEach
    void start() throws Exception {
        api = new SecuredApi(RateLimiter.NONE);
        api.account("admin", "admin", List.of(), false);
        api.account("op", "operator", List.of(), false);
        api.account("dbview", "viewer", List.of("db"), false);
        api.hosts.updateStatus("h-1", Map.of("hostinfo", "{\"sn\":\"SN1\",\"ips\":[\"10.0.0.1\",\"192.168.1.5\"],\"cpu\":{\"cores\":4}}",
                "agent", "{\"version\":\"0.1\",\"primaryIp\":\"192.168.1.5\"}", "cron", "{\"digest\":\"ab\",\"jobs\":2}"), 1);
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    private static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    private static void refused(HttpResponse<String> r, int status, ErrorCode code) throws Exception {
        assertEquals(code.name(), json(r, status).get("error").get("code").asText(), r.body());
    }

    @Test
    void aHostShowsItsSectionsInventoryAndNoMismatchUntilExpectationsDiffer() throws Exception {
        JsonNode h = json(api.call("op", "GET", "/api/v1/hosts/web-1", null), 200);
        assertEquals("h-1", h.get("hostId").asText());
        assertEquals(4, h.get("hostinfo").get("cpu").get("cores").asInt());
        assertEquals("0.1", h.get("agent").get("version").asText());
        assertEquals(2, h.get("cron").get("jobs").asInt());
        assertEquals("192.168.1.5", h.get("primaryIp").asText());
        assertTrue(h.get("owner").isNull());
        assertTrue(h.get("expected").get("sn").isNull());
        assertFalse(h.get("mismatch").get("sn").asBoolean());
        assertFalse(h.get("mismatch").get("ip").asBoolean());

        JsonNode put = json(api.call("admin", "PUT", "/api/v1/hosts/h-1", "{\"owner\":\"team-web\",\"expectedSn\":\"SN1\","
                + "\"expectedIp\":\"192.168.1.5\"}"), 200);
        assertEquals("team-web", put.get("owner").asText());
        assertFalse(put.get("mismatch").get("sn").asBoolean());
        assertFalse(put.get("mismatch").get("ip").asBoolean(), "any reported address matches");
        assertEquals(List.of("demo"), api.hosts.get("h-1").orElseThrow().groups(), "groups absent: unchanged");

        put = json(api.call("admin", "PUT", "/api/v1/hosts/h-1", "{\"owner\":\"team-web\",\"expectedSn\":\"SN9\","
                + "\"expectedIp\":\"10.9.9.9\",\"groups\":[\"web\",\"prod\"],\"labels\":{\"rack\":\"r7\"}}"), 200);
        assertTrue(put.get("mismatch").get("sn").asBoolean());
        assertTrue(put.get("mismatch").get("ip").asBoolean());
        assertEquals("SN9", put.get("expected").get("sn").asText());
        assertEquals("10.9.9.9", put.get("expected").get("ip").asText());
        assertEquals("[\"web\",\"prod\"]", put.get("groups").toString());
        assertEquals("r7", put.get("labels").get("rack").asText());
    }

    @Test
    void updatesNeedThePermissionAKnownVisibleHostAndValidFields() throws Exception {
        refused(api.call("op", "PUT", "/api/v1/hosts/h-1", "{\"owner\":\"x\"}"), 403, ErrorCode.FORBIDDEN);
        refused(api.call("admin", "PUT", "/api/v1/hosts/nope", "{\"owner\":\"x\"}"), 404, ErrorCode.NOT_FOUND);
        for (String bad : new String[] {"{\"color\":\"red\"}", "{\"owner\":5}", "{\"groups\":\"web\"}", "{\"groups\":[\"a b\"]}",
                "{\"labels\":{\"k\":1}}", "{\"expectedIp\":\"not an ip\"}", "[]"}) {
            refused(api.call("admin", "PUT", "/api/v1/hosts/h-1", bad), 400, ErrorCode.INVALID_REQUEST);
        }
        refused(api.call("dbview", "GET", "/api/v1/hosts/h-1", null), 404, ErrorCode.NOT_FOUND);
        JsonNode db = json(api.call("dbview", "GET", "/api/v1/hosts/db-1", null), 200);
        assertFalse(db.has("hostinfo"), "no status reported yet");
        assertTrue(db.get("primaryIp").isNull());
    }
}
