package dev.orrery.center.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.ErrorCode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Accounts, roles, scopes, dry runs, command mapping and the rate limit over real HTTP. */
class AccountsHttpTest {
    private static final String CMD_WEB = "{\"command\":\"uptime\",\"targets\":{\"hosts\":[\"web-1\"]}}";
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private SecuredApi api;

    @BeforeEach
    void start() throws Exception {
        api = new SecuredApi(new RateLimiter(1, 2, nanos::get));
        api.account("admin", "admin", List.of(), false);
        api.account("op", "operator", List.of(), false);
        api.account("viewer", "viewer", List.of(), false);
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    private JsonNode ok(HttpResponse<String> r, int status) throws Exception {
        nanos.addAndGet(10_000_000_000L); // the next call finds full buckets
        assertEquals(status, r.statusCode(), r.body());
        return r.body().isEmpty() ? null : Json.MAPPER.readTree(r.body());
    }

    private JsonNode refused(HttpResponse<String> r, int status, ErrorCode code) throws Exception {
        JsonNode e = ok(r, status).get("error");
        assertEquals(code.name(), e.get("code").asText(), r.body());
        return e;
    }

    @Test
    void adminManagesAccountsAndSecretsAppearOnlyOnce() throws Exception {
        JsonNode created = ok(api.call("admin", "POST", "/api/v1/accounts",
                "{\"name\":\"ci\",\"role\":\"operator\",\"groups\":[\"demo\"],\"taskTypes\":[\"cmd\"],\"commandMapping\":false,"
                        + "\"permissions\":[\"cmd:highrisk\"]}"), 201);
        String key = created.get("keyId").asText();
        String secret = created.get("secret").asText();
        assertTrue(key.matches("key-[0-9a-f]{16}"), key);
        assertEquals("operator", created.get("role").asText());
        assertEquals("demo", created.get("groups").get(0).asText());
        ok(api.call(key, secret, "GET", "/api/v1/hosts", null), 200);

        HttpResponse<String> list = api.call("admin", "GET", "/api/v1/accounts", null);
        assertFalse(list.body().contains(secret) || list.body().contains("secret"), list.body());
        assertEquals(4, ok(list, 200).get("total").asInt());
        HttpResponse<String> one = api.call("admin", "GET", "/api/v1/accounts/" + key, null);
        assertFalse(one.body().contains("secret"), one.body());
        assertEquals("ci", ok(one, 200).get("name").asText());

        assertFalse(ok(api.call("admin", "POST", "/api/v1/accounts/" + key + "/disable", null), 200).get("enabled").asBoolean());
        refused(api.call(key, secret, "GET", "/api/v1/hosts", null), 401, ErrorCode.UNAUTHENTICATED);
        assertTrue(ok(api.call("admin", "POST", "/api/v1/accounts/" + key + "/enable", null), 200).get("enabled").asBoolean());
        ok(api.call(key, secret, "GET", "/api/v1/hosts", null), 200);

        HttpResponse<String> rotate = api.call("admin", "POST", "/api/v1/accounts/" + key + "/rotate", null);
        assertTrue(rotate.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        String fresh = ok(rotate, 200).get("secret").asText();
        refused(api.call(key, secret, "GET", "/api/v1/hosts", null), 401, ErrorCode.UNAUTHENTICATED);
        ok(api.call(key, fresh, "GET", "/api/v1/hosts", null), 200);

        ok(api.call("admin", "DELETE", "/api/v1/accounts/" + key, null), 204);
        refused(api.call(key, fresh, "GET", "/api/v1/hosts", null), 401, ErrorCode.UNAUTHENTICATED);
        refused(api.call("admin", "GET", "/api/v1/accounts/" + key, null), 404, ErrorCode.NOT_FOUND);
        refused(api.call("admin", "POST", "/api/v1/accounts", "{\"name\":\"ci\",\"role\":\"root\"}"), 400, ErrorCode.INVALID_REQUEST);
        refused(api.call("admin", "POST", "/api/v1/accounts", "{\"name\":\"x\",\"role\":\"viewer\",\"secret\":\"mine\"}"), 400,
                ErrorCode.INVALID_REQUEST);
        refused(api.call("admin", "POST", "/api/v1/accounts", "{\"name\":\"name-op\",\"role\":\"viewer\"}"), 409, ErrorCode.ALREADY_EXISTS);
        refused(api.call("admin", "POST", "/api/v1/accounts/admin/disable", null), 403, ErrorCode.FORBIDDEN);
        refused(api.call("admin", "DELETE", "/api/v1/accounts/admin", null), 403, ErrorCode.FORBIDDEN);
    }

    @Test
    void rolesDecideEveryEndpoint() throws Exception {
        ok(api.call("viewer", "GET", "/api/v1/hosts", null), 200);
        ok(api.call("viewer", "GET", "/api/v1/hosts/web-1", null), 200);
        JsonNode e = refused(api.call("viewer", "POST", "/api/v1/cmd", CMD_WEB), 403, ErrorCode.FORBIDDEN);
        assertTrue(e.get("message").asText().contains("task:submit"), e.toString());
        refused(api.call("viewer", "GET", "/api/v1/stats", null), 403, ErrorCode.FORBIDDEN);
        refused(api.call("viewer", "GET", "/api/v1/accounts", null), 403, ErrorCode.FORBIDDEN);
        refused(api.call("viewer", "POST", "/api/v1/accounts", "{\"name\":\"x\",\"role\":\"admin\"}"), 403, ErrorCode.FORBIDDEN);
        assertEquals(0, api.tasks.submitted.size());

        String task = ok(api.call("op", "POST", "/api/v1/cmd", CMD_WEB), 202).get("taskId").asText();
        ok(api.call("op", "GET", "/api/v1/tasks/" + task, null), 200);
        ok(api.call("op", "POST", "/api/v1/tasks/" + task + "/cancel", null), 202);
        refused(api.call("op", "GET", "/api/v1/stats", null), 403, ErrorCode.FORBIDDEN);
        refused(api.call("op", "GET", "/api/v1/accounts", null), 403, ErrorCode.FORBIDDEN);
        refused(api.call("op", "GET", "/api/v1/accounts/op/mapping?programs=ls", null), 403, ErrorCode.FORBIDDEN);
        refused(api.call("op", "POST", "/api/v1/accounts/op/rotate", null), 403, ErrorCode.FORBIDDEN);
        ok(api.call("admin", "GET", "/api/v1/stats", null), 200);
        ok(api.call("admin", "GET", "/api/v1/accounts", null), 200);
    }

    @Test
    void tasksOfOthersAreInvisibleExceptToAdmins() throws Exception {
        api.account("op2", "operator", List.of(), false);
        String task = ok(api.call("op", "POST", "/api/v1/cmd", CMD_WEB), 202).get("taskId").asText();
        refused(api.call("op2", "GET", "/api/v1/tasks/" + task, null), 404, ErrorCode.NOT_FOUND);
        refused(api.call("op2", "GET", "/api/v1/tasks/" + task + "/results", null), 404, ErrorCode.NOT_FOUND);
        refused(api.call("op2", "POST", "/api/v1/tasks/" + task + "/cancel", null), 404, ErrorCode.NOT_FOUND);
        refused(api.call("viewer", "GET", "/api/v1/tasks/" + task, null), 404, ErrorCode.NOT_FOUND);
        assertTrue(api.tasks.cancelled.isEmpty());
        ok(api.call("admin", "GET", "/api/v1/tasks/" + task, null), 200);
        ok(api.call("admin", "GET", "/api/v1/tasks/" + task + "/results", null), 200);
    }

    @Test
    void scopesLimitTargetsAndWhatIsSeen() throws Exception {
        api.account("dbop", "operator", List.of("db"), false);
        JsonNode e = refused(api.call("dbop", "POST", "/api/v1/cmd", CMD_WEB), 403, ErrorCode.OUT_OF_SCOPE);
        assertEquals("h-1", e.get("details").get(0).asText(), e.toString());
        refused(api.call("dbop", "POST", "/api/v1/cmd", CMD_WEB.replace("}}", "},\"dryRun\":true}")), 403, ErrorCode.OUT_OF_SCOPE);
        assertEquals(0, api.tasks.submitted.size(), "nothing dispatched");
        JsonNode hosts = ok(api.call("dbop", "GET", "/api/v1/hosts", null), 200);
        assertEquals(1, hosts.get("total").asInt());
        assertEquals("db-1", hosts.get("hosts").get(0).get("hostname").asText());
        assertEquals(0, ok(api.call("dbop", "GET", "/api/v1/hosts?group=demo", null), 200).get("total").asInt());
        refused(api.call("dbop", "GET", "/api/v1/hosts/web-1", null), 404, ErrorCode.NOT_FOUND);
        ok(api.call("dbop", "GET", "/api/v1/hosts/db-1", null), 200);
        api.account("both", "viewer", List.of("db", "demo"), false);
        assertEquals(2, ok(api.call("both", "GET", "/api/v1/hosts", null), 200).get("hosts").size());

        ok(api.call("dbop", "POST", "/api/v1/cmd", "{\"command\":\"id\",\"targets\":{\"groups\":[\"db\"]}}"), 202);
        assertEquals(List.of("db"), api.tasks.submitted.get(0).scope().groups());
        assertFalse(api.tasks.submitted.get(0).scope().mayConfirmHighRisk());
    }

    @Test
    void aDryRunAnswersThePlanAndDispatchesNothing() throws Exception {
        JsonNode plan = ok(api.call("op", "POST", "/api/v1/cmd",
                "{\"command\":\"uptime\",\"targets\":{\"hosts\":[\"web-1\",\"db-1\"]},\"dryRun\":true}"), 200);
        assertTrue(plan.get("dryRun").asBoolean());
        assertEquals("cmd", plan.get("type").asText());
        assertEquals("uptime", plan.get("command").asText());
        assertEquals(2, plan.get("total").asInt());
        assertEquals("h-1", plan.get("hosts").get(0).get("hostId").asText());
        assertTrue(plan.get("hosts").get(0).has("status"));
        assertEquals(0, api.tasks.submitted.size());
        refused(api.call("viewer", "POST", "/api/v1/cmd", CMD_WEB.replace("}}", "},\"dryRun\":true}")), 403, ErrorCode.FORBIDDEN);
        refused(api.call("op", "POST", "/api/v1/cmd", CMD_WEB.replace("}}", "},\"dryRun\":\"yes\"}")), 400, ErrorCode.INVALID_REQUEST);
    }

    @Test
    void confirmingHighRiskNeedsItsPermission() throws Exception {
        String confirmed = CMD_WEB.replace("}}", "},\"confirmHighRisk\":true}");
        JsonNode e = refused(api.call("op", "POST", "/api/v1/cmd", confirmed), 403, ErrorCode.FORBIDDEN);
        assertTrue(e.get("message").asText().contains("cmd:highrisk"), e.toString());
        assertEquals(0, api.tasks.submitted.size());
        api.account("risky", "operator", List.of(), false, "cmd:highrisk");
        ok(api.call("risky", "POST", "/api/v1/cmd", confirmed), 202);
        assertTrue(api.tasks.submitted.get(0).confirmHighRisk());
        assertTrue(api.tasks.submitted.get(0).scope().mayConfirmHighRisk());
    }

    @Test
    void commandMappingExpandsAliasesAndRefusesRawPrograms() throws Exception {
        api.account("mapped", "operator", List.of(), true);
        JsonNode m = ok(api.call("admin", "GET", "/api/v1/accounts/mapped/mapping?programs=uptime,grep", null), 200);
        String uptime = m.get("uptime").asText();
        String grep = m.get("grep").asText();
        assertEquals(m, ok(api.call("admin", "GET", "/api/v1/accounts/mapped/mapping?programs=uptime,grep", null), 200));
        refused(api.call("admin", "GET", "/api/v1/accounts/mapped/mapping", null), 400, ErrorCode.INVALID_REQUEST);
        refused(api.call("admin", "GET", "/api/v1/accounts/nobody/mapping?programs=ls", null), 404, ErrorCode.NOT_FOUND);

        String body = "{\"command\":\"" + uptime + " -p | " + grep + " up\",\"targets\":{\"hosts\":[\"web-1\"]}}";
        ok(api.call("mapped", "POST", "/api/v1/cmd", body), 202);
        assertEquals("uptime -p | grep up", api.tasks.submitted.get(0).params().get("command"));
        JsonNode plan = ok(api.call("mapped", "POST", "/api/v1/cmd", body.replace("}}", "},\"dryRun\":true}")), 200);
        assertEquals("uptime -p | grep up", plan.get("command").asText());
        JsonNode e = refused(api.call("mapped", "POST", "/api/v1/cmd", CMD_WEB), 403, ErrorCode.CMD_UNMAPPED);
        assertEquals("uptime", e.get("details").get(0).asText());
        assertEquals(1, api.tasks.submitted.size());
        ok(api.call("op", "POST", "/api/v1/cmd", CMD_WEB), 202); // accounts without mapping send programs as they are
    }

    @Test
    void eachAccountHasItsOwnRateLimit() throws Exception {
        assertEquals(200, api.call("op", "GET", "/api/v1/hosts", null).statusCode());
        assertEquals(200, api.call("op", "GET", "/api/v1/hosts", null).statusCode());
        HttpResponse<String> third = api.call("op", "GET", "/api/v1/hosts", null);
        assertEquals(429, third.statusCode(), third.body());
        assertEquals("RATE_LIMITED", Json.MAPPER.readTree(third.body()).get("error").get("code").asText());
        assertEquals("1", third.headers().firstValue("Retry-After").orElse(""));
        assertEquals(200, api.call("viewer", "GET", "/api/v1/hosts", null).statusCode(), "another account has its own bucket");
        nanos.addAndGet(1_000_000_000L);
        assertEquals(200, api.call("op", "GET", "/api/v1/hosts", null).statusCode(), "a token a second");
    }
}
