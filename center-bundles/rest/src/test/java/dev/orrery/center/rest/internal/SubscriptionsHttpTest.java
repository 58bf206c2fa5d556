package dev.orrery.center.rest.internal;

import static dev.orrery.center.rest.internal.MarketHttpTest.names;
import static dev.orrery.center.rest.internal.MarketHttpTest.refused;
import static dev.orrery.center.rest.internal.MarketHttpTest.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.ErrorCode;
import dev.orrery.center.market.SubscriptionRequest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /market/subscriptions over real HTTP: strict bodies, permissions, group scope, the status JSON. */
class SubscriptionsHttpTest {
    private static final String PATH = "/api/v1/market/subscriptions";
    private final FakeMarketService market = new FakeMarketService();
    private SecuredApi api;

    @BeforeEach
    void start() throws Exception {
        api = new SecuredApi(RateLimiter.NONE, s -> MarketResources.of(market, s.tasks, 100, TestSecurity.of(s.accounts)));
        api.account("op", "operator", List.of(), false);
        api.account("viewer", "viewer", List.of(), false);
        api.account("demo-op", "operator", List.of("demo"), false);
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void subscribesAndAnswersTheStatus() throws Exception {
        JsonNode s = status(api.call("op", "POST", PATH, "{\"group\":\"demo\",\"plugin\":\"disk-usage\",\"version\":\"1.0.0\","
                + "\"batchSize\":5,\"maxFailures\":2}"), 200);
        assertEquals(Arrays.asList("group", "plugin", "version", "batchSize", "maxFailures", "state", "reason", "updatedBy", "updatedAt",
                "counts", "hosts"), names(s));
        assertEquals("1.0.0", s.get("version").asText());
        assertEquals("ROLLING", s.get("state").asText());
        assertEquals("{\"hosts\":2,\"installed\":1,\"pending\":0,\"installing\":0,\"failed\":1,\"paused\":0}", s.get("counts").toString());
        JsonNode h = s.get("hosts").get(1);
        assertEquals(Arrays.asList("hostId", "online", "desired", "actual", "state", "error"), names(h));
        assertEquals("FAILED", h.get("state").asText());
        assertTrue(h.get("actual").isNull());
        assertEquals(new SubscriptionRequest("demo", "disk-usage", "1.0.0", 5, 2, "op"), market.requests.get(0));

        status(api.call("op", "POST", PATH, "{\"group\":\"db\",\"plugin\":\"disk-usage\"}"), 200);
        SubscriptionRequest latest = market.requests.get(1);
        assertNull(latest.version());
        assertNull(latest.batchSize());
        assertNull(latest.maxFailures());

        assertEquals(2, status(api.call("viewer", "GET", PATH, null), 200).get("subscriptions").size());
        JsonNode demo = status(api.call("viewer", "GET", PATH + "?group=demo", null), 200).get("subscriptions");
        assertEquals(1, demo.size());
        assertEquals("demo", demo.get(0).get("group").asText());

        assertEquals(204, api.call("op", "DELETE", PATH + "/demo/disk-usage", null).statusCode());
        refused(api.call("op", "DELETE", PATH + "/demo/disk-usage", null), 404, ErrorCode.NOT_FOUND);
        assertEquals(0, status(api.call("viewer", "GET", PATH + "?group=demo", null), 200).get("subscriptions").size());
    }

    @Test
    void refusesBadBodies() throws Exception {
        for (String body : List.of("{\"plugin\":\"disk-usage\"}", "{\"group\":\"demo\"}", "{\"group\":\"demo\",\"plugin\":\"disk-usage\",\"x\":1}",
                "{\"group\":1,\"plugin\":\"disk-usage\"}", "{\"group\":\"demo\",\"plugin\":[\"disk-usage\"]}",
                "{\"group\":\"a b\",\"plugin\":\"disk-usage\"}", "{\"group\":\"\",\"plugin\":\"disk-usage\"}",
                "{\"group\":\"demo\",\"plugin\":\"disk-usage\",\"batchSize\":0}", "{\"group\":\"demo\",\"plugin\":\"disk-usage\",\"batchSize\":\"5\"}",
                "{\"group\":\"demo\",\"plugin\":\"disk-usage\",\"maxFailures\":-1}", "{\"group\":\"demo\",\"plugin\":\"disk-usage\",\"maxFailures\":1.5}",
                "{\"group\":\"demo\",\"plugin\":\"disk-usage\",\"version\":2}", "[]")) {
            refused(api.call("op", "POST", PATH, body), 400, ErrorCode.INVALID_REQUEST);
        }
        refused(api.call("op", "POST", PATH, "{\"group\":"), 400, ErrorCode.MALFORMED_JSON);
        refused(api.call("op", "POST", PATH, "{\"group\":\"demo\",\"plugin\":\"nope\"}"), 404, ErrorCode.NOT_FOUND);
        assertEquals(1, market.requests.size());
        assertTrue(market.subscriptions.isEmpty());
    }

    @Test
    void permissionsAndGroupScope() throws Exception {
        String body = "{\"group\":\"db\",\"plugin\":\"disk-usage\"}";
        refused(api.call("viewer", "POST", PATH, body), 403, ErrorCode.FORBIDDEN);
        refused(api.call("viewer", "DELETE", PATH + "/db/disk-usage", null), 403, ErrorCode.FORBIDDEN);
        refused(api.call("demo-op", "POST", PATH, body), 403, ErrorCode.OUT_OF_SCOPE);
        status(api.call("op", "POST", PATH, body), 200);
        status(api.call("demo-op", "POST", PATH, "{\"group\":\"demo\",\"plugin\":\"disk-usage\"}"), 200);
        JsonNode seen = status(api.call("demo-op", "GET", PATH, null), 200).get("subscriptions");
        assertEquals(1, seen.size());
        assertEquals("demo", seen.get(0).get("group").asText());
        assertEquals(0, status(api.call("demo-op", "GET", PATH + "?group=db", null), 200).get("subscriptions").size());
        refused(api.call("demo-op", "DELETE", PATH + "/db/disk-usage", null), 403, ErrorCode.OUT_OF_SCOPE);
        assertEquals(2, market.subscriptions.size());
    }
}
