package dev.orrery.center.rest.internal;

import static dev.orrery.center.rest.internal.MarketHttpTest.refused;
import static dev.orrery.center.rest.internal.MarketHttpTest.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.ErrorCode;
import dev.orrery.center.proxy.TaskSubmission;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** POST /plugin over real HTTP: the task it submits, validation, the marketplace check, permissions and scope. */
class PluginHttpTest {
    private static final String T = "\"targets\":{\"hosts\":[\"web-1\"]},";
    private final FakeMarketService market = new FakeMarketService();
    private SecuredApi api;

    private void serve(FakeMarketService m) throws Exception {
        api = new SecuredApi(RateLimiter.NONE, s -> MarketResources.of(m, s.tasks, 100, TestSecurity.of(s.accounts)));
        api.account("op", "operator", List.of(), false);
        api.account("viewer", "viewer", List.of(), false);
        api.account("demo-op", "operator", List.of("demo"), false);
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void submitsAPluginTask() throws Exception {
        serve(market);
        JsonNode body = status(api.call("op", "POST", "/api/v1/plugin", "{" + T + "\"plugin\":\"disk-usage\",\"version\":\"1.0.0\","
                + "\"args\":[\"-h\",\"/var log\"],\"runAs\":\"nobody\",\"timeoutSeconds\":30,\"dataTopic\":\"disk.report\"}"), 202);
        assertEquals(1, body.get("hosts").asInt());
        TaskSubmission s = api.tasks.submitted.get(0);
        assertEquals("plugin", s.type());
        assertEquals(Map.of("op", "run", "name", "disk-usage", "version", "1.0.0", "args", "[\"-h\",\"/var log\"]", "runAs", "nobody",
                "dataTopic", "disk.report"), s.params());
        assertEquals(30, s.timeoutSeconds());
        assertEquals("op", s.createdBy());
        assertTrue(s.body() == null || s.body().length == 0);

        status(api.call("op", "POST", "/api/v1/plugin", "{\"targets\":{\"groups\":[\"demo\"]},\"plugin\":\"disk-usage\"}"), 202);
        assertEquals(Map.of("op", "run", "name", "disk-usage"), api.tasks.submitted.get(1).params());
        assertEquals(CmdRequestParser.DEFAULT_TIMEOUT_SECONDS, api.tasks.submitted.get(1).timeoutSeconds());

        JsonNode plan = status(api.call("op", "POST", "/api/v1/plugin", "{" + T + "\"plugin\":\"disk-usage\",\"dryRun\":true}"), 200);
        assertTrue(plan.get("dryRun").asBoolean());
        assertEquals("plugin", plan.get("type").asText());
        assertEquals(2, api.tasks.submitted.size());
    }

    @Test
    void refusesBadRequests() throws Exception {
        serve(market);
        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(65, "\"a\"")) + "]";
        for (String fields : List.of("\"plugin\":\"disk-usage\",\"args\":" + tooMany, "\"plugin\":\"disk-usage\",\"args\":[\"" + "x".repeat(4097) + "\"]",
                "\"plugin\":\"disk-usage\",\"args\":[1]", "\"plugin\":\"disk-usage\",\"args\":\"-h\"", "\"plugin\":\"disk-usage\",\"x\":1",
                "\"plugin\":\"Disk Usage\"", "\"plugin\":7", "\"args\":[]", "\"plugin\":\"disk-usage\",\"version\":\"1 0\"",
                "\"plugin\":\"disk-usage\",\"timeoutSeconds\":0", "\"plugin\":\"disk-usage\",\"dataTopic\":\"orrery.x\"",
                "\"plugin\":\"disk-usage\",\"dryRun\":\"yes\"", "\"plugin\":\"disk-usage\",\"confirmHighRisk\":true")) {
            refused(api.call("op", "POST", "/api/v1/plugin", "{" + T + fields + "}"), 400, ErrorCode.INVALID_REQUEST);
        }
        status(api.call("op", "POST", "/api/v1/plugin", "{" + T + "\"plugin\":\"disk-usage\",\"args\":[\"" + "x".repeat(4096) + "\"]}"), 202);
        refused(api.call("op", "POST", "/api/v1/plugin", "{\"plugin\":\"disk-usage\"}"), 400, ErrorCode.NO_TARGET);
        JsonNode e = status(api.call("op", "POST", "/api/v1/plugin", "{" + T + "\"plugin\":\"nope\"}"), 404);
        assertTrue(e.get("error").get("message").asText().contains("no plugin 'nope'"), e.toString());
        e = status(api.call("op", "POST", "/api/v1/plugin", "{" + T + "\"plugin\":\"disk-usage\",\"version\":\"9.0.0\"}"), 404);
        assertTrue(e.get("error").get("message").asText().contains("no version '9.0.0'"), e.toString());
        refused(api.call("viewer", "POST", "/api/v1/plugin", "{" + T + "\"plugin\":\"disk-usage\"}"), 403, ErrorCode.FORBIDDEN);
        refused(api.call("demo-op", "POST", "/api/v1/plugin", "{\"targets\":{\"hosts\":[\"db-1\"]},\"plugin\":\"disk-usage\"}"), 403,
                ErrorCode.OUT_OF_SCOPE);
        assertEquals(1, api.tasks.submitted.size());
    }

    @Test
    void withoutTheMarketplaceThePluginIsNotFound() throws Exception {
        serve(null);
        JsonNode e = status(api.call("op", "POST", "/api/v1/plugin", "{" + T + "\"plugin\":\"disk-usage\"}"), 404);
        assertTrue(e.get("error").get("message").asText().contains("marketplace is not running"), e.toString());
        refused(api.call("op", "GET", "/api/v1/market/plugins", null), 404, ErrorCode.NOT_FOUND);
        assertTrue(api.tasks.submitted.isEmpty());
    }
}
