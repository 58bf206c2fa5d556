package dev.orrery.center.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.ErrorCode;
import dev.orrery.center.cron.CronRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /cron over real HTTP: parsing, permissions, who sees which job, and the scope of runs. */
class CronHttpTest {
    private final FakeCronService cron = new FakeCronService();
    private SecuredApi api;

    @BeforeEach
    void start() throws Exception {
        api = new SecuredApi(RateLimiter.NONE, a -> List.of(new CronResource(cron, a.hosts, 100, TestSecurity.of(a.accounts))));
        cron.hosts = api.hosts;
        api.account("op", "operator", List.of(), false);
        api.account("op2", "operator", List.of(), false);
        api.account("viewer", "viewer", List.of(), false);
        api.account("admin", "admin", List.of(), false);
        api.account("demo-op", "operator", List.of("demo"), false);
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    private static JsonNode status(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    private static void refused(HttpResponse<String> r, int status, ErrorCode code) throws Exception {
        assertEquals(code.name(), status(r, status).get("error").get("code").asText(), r.body());
    }

    private String create(String key, String json) throws Exception {
        return status(api.call(key, "POST", "/api/v1/cron", json), 201).get("cronId").asText();
    }

    @Test
    void createsACommandJob() throws Exception {
        HttpResponse<String> r = api.call("op", "POST", "/api/v1/cron", "{\"targets\":{\"hosts\":[\"web-1\"]},\"schedule\":\"*/2 * * * * *\","
                + "\"timezone\":\"Europe/Paris\",\"spread\":true,\"command\":\"uptime\",\"runAs\":\"nobody\",\"timeoutSeconds\":30}");
        JsonNode body = status(r, 201);
        assertEquals(1, body.get("hosts").asInt());
        assertTrue(r.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/cron/" + body.get("cronId").asText()));
        CronRequest req = cron.requests.get(0);
        assertEquals("*/2 * * * * *", req.schedule());
        assertEquals("Europe/Paris", req.timezone());
        assertTrue(req.spread());
        assertEquals("cmd", req.kind());
        assertEquals("{\"command\":\"uptime\"}", req.spec());
        assertEquals("nobody", req.runAs());
        assertEquals(30, req.timeoutSeconds());
        assertEquals("op", req.createdBy());
        assertEquals(List.of("web-1"), req.targets().hosts());

        JsonNode view = status(api.call("op", "GET", "/api/v1/cron/" + body.get("cronId").asText(), null), 200);
        assertEquals("uptime", view.get("command").asText());
        assertEquals("h-1", view.get("hosts").get(0).asText());
        assertEquals(false, view.get("deleted").asBoolean());
    }

    @Test
    void createsAStoreJobAndCarriesTheScopeOfTheCaller() throws Exception {
        create("demo-op", "{\"targets\":{\"groups\":[\"demo\"]},\"schedule\":\"0 * * * * *\",\"store\":{\"content\":\"echo hi\","
                + "\"interpreter\":\"/bin/bash\",\"args\":[\"-x\"]}}");
        CronRequest req = cron.requests.get(0);
        assertEquals("store", req.kind());
        JsonNode spec = Json.MAPPER.readTree(req.spec());
        assertEquals("echo hi", spec.get("content").asText());
        assertEquals("-x", spec.get("args").get(0).asText());
        assertEquals(List.of("demo"), req.scope().groups());
        assertEquals(null, req.timezone());
    }

    @Test
    void refusesBadBodies() throws Exception {
        String t = "\"targets\":{\"hosts\":[\"web-1\"]},";
        refused(api.call("op", "POST", "/api/v1/cron", "{" + t + "\"schedule\":\"* * * * * *\"}"), 400, ErrorCode.INVALID_REQUEST);
        refused(api.call("op", "POST", "/api/v1/cron", "{" + t + "\"schedule\":\"* * * * * *\",\"command\":\"a\",\"store\":{\"content\":\"b\"}}"),
                400, ErrorCode.INVALID_REQUEST);
        refused(api.call("op", "POST", "/api/v1/cron", "{" + t + "\"command\":\"a\"}"), 400, ErrorCode.INVALID_REQUEST);
        refused(api.call("op", "POST", "/api/v1/cron", "{" + t + "\"schedule\":\"* * * * * *\",\"command\":\"a\",\"every\":1}"), 400,
                ErrorCode.INVALID_REQUEST);
        refused(api.call("op", "POST", "/api/v1/cron", "{" + t + "\"schedule\":\"* * * * * *\",\"command\":\"a\",\"spread\":\"yes\"}"), 400,
                ErrorCode.INVALID_REQUEST);
        refused(api.call("op", "POST", "/api/v1/cron", "{\"schedule\":\"* * * * * *\",\"command\":\"a\"}"), 400, ErrorCode.NO_TARGET);
        JsonNode bad = status(api.call("op", "POST", "/api/v1/cron", "{" + t + "\"schedule\":\"bad\",\"command\":\"a\"}"), 400);
        assertTrue(bad.get("error").get("message").asText().contains("six"), bad.toString());
        refused(api.call("op", "POST", "/api/v1/cron", "{" + t + "\"schedule\":\"* * * * * *\",\"store\":{\"content\":\"x\",\"sha\":1}}"), 400,
                ErrorCode.INVALID_REQUEST);
        assertTrue(cron.requests.isEmpty());
    }

    @Test
    void permissionsAndVisibility() throws Exception {
        String t = "{\"targets\":{\"hosts\":[\"web-1\"]},\"schedule\":\"* * * * * *\",\"command\":\"date\"}";
        refused(api.call("viewer", "POST", "/api/v1/cron", t), 403, ErrorCode.FORBIDDEN);
        String id = create("op", t);
        String other = create("op2", t);
        assertEquals(List.of(id), ids(status(api.call("op", "GET", "/api/v1/cron", null), 200)));
        assertEquals(List.of(id, other), ids(status(api.call("admin", "GET", "/api/v1/cron", null), 200)));
        refused(api.call("op2", "GET", "/api/v1/cron/" + id, null), 404, ErrorCode.NOT_FOUND);
        refused(api.call("op2", "DELETE", "/api/v1/cron/" + id, null), 404, ErrorCode.NOT_FOUND);
        refused(api.call("viewer", "DELETE", "/api/v1/cron/" + id, null), 403, ErrorCode.FORBIDDEN);
        status(api.call("admin", "GET", "/api/v1/cron/" + id, null), 200);

        JsonNode del = status(api.call("op", "DELETE", "/api/v1/cron/" + id, null), 200);
        assertTrue(del.get("deleted").asBoolean());
        refused(api.call("op", "DELETE", "/api/v1/cron/" + id, null), 404, ErrorCode.NOT_FOUND);
        JsonNode gone = status(api.call("op", "GET", "/api/v1/cron/" + id, null), 200);
        assertTrue(gone.get("deleted").asBoolean());
        assertEquals(List.of(), ids(status(api.call("op", "GET", "/api/v1/cron", null), 200)));
        refused(api.call("op", "GET", "/api/v1/cron/nope", null), 404, ErrorCode.NOT_FOUND);
    }

    @Test
    void runsAreLimitedToTheHostsTheCallerSees() throws Exception {
        String id = create("op", "{\"targets\":{\"hosts\":[\"web-1\",\"db-1\"]},\"schedule\":\"* * * * * *\",\"command\":\"date\"}");
        JsonNode all = status(api.call("op", "GET", "/api/v1/cron/" + id + "/runs?limit=10", null), 200);
        assertEquals(2, all.get("runs").size());
        JsonNode run = all.get("runs").get(0);
        assertEquals(Arrays.asList("hostId", "startedAt", "finishedAt", "exitCode", "output", "error"), fieldNames(run));
        assertEquals(7, all.get("next").asLong());
        assertEquals(null, cron.runScopes.get(0));

        api.account("demo-admin", "admin", List.of("demo"), false);
        JsonNode scoped = status(api.call("demo-admin", "GET", "/api/v1/cron/" + id + "/runs", null), 200);
        assertEquals(1, scoped.get("runs").size());
        assertEquals("h-1", scoped.get("runs").get(0).get("hostId").asText());
        refused(api.call("op", "GET", "/api/v1/cron/" + id + "/runs?limit=0", null), 400, ErrorCode.INVALID_REQUEST);
    }

    private static List<String> ids(JsonNode list) {
        return java.util.stream.StreamSupport.stream(list.get("jobs").spliterator(), false).map(j -> j.get("cronId").asText()).toList();
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
