package dev.orrery.center.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.api.OrreryException;
import dev.orrery.center.proxy.Scope;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.store.HostTaskRecord;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /host-accounts over real HTTP: the tasks submitted, permissions, validation, and the two-step trust. */
class HostAccountsHttpTest {
    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOYkFv1z0Q1dd6DgQ0eh4pmJ4P5rbSRr7b6GF0i6CB9e me@laptop";
    private SecuredApi api;

    @BeforeEach
    void start() throws Exception {
        api = new SecuredApi(RateLimiter.NONE);
        api.account("op", "operator", List.of(), false);
        api.account("viewer", "viewer", List.of(), false);
        api.account("dbop", "operator", List.of("db"), false);
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

    @Test
    void createSubmitsAnAccountsTask() throws Exception {
        JsonNode a = status(api.call("op", "POST", "/api/v1/host-accounts", "{\"targets\":{\"hosts\":[\"web-1\"]},\"user\":\"alice\","
                + "\"sshPublicKey\":\"" + KEY + "\",\"sudo\":true}"), 202);
        assertEquals(1, a.get("hosts").asInt());
        TaskSubmission s = api.tasks.submitted.get(0);
        assertEquals("accounts", s.type());
        assertEquals(Map.of("op", "create", "user", "alice", "sshPublicKey", KEY, "sudo", "true", "kind", "personal"), s.params());
        assertEquals("op", s.createdBy());

        status(api.call("op", "POST", "/api/v1/host-accounts/rotate", "{\"targets\":{\"groups\":[\"demo\"]},\"user\":\"kiosk\"}"), 202);
        assertEquals(Map.of("op", "rotate", "user", "kiosk"), api.tasks.submitted.get(1).params());

        status(api.call("op", "DELETE", "/api/v1/host-accounts/alice?hosts=web-1,db-1", null), 202);
        assertEquals(Map.of("op", "delete", "user", "alice"), api.tasks.submitted.get(2).params());
        assertEquals(List.of("web-1", "db-1"), api.tasks.submitted.get(2).targets().hosts());

        JsonNode dry = status(api.call("op", "DELETE", "/api/v1/host-accounts/alice?groups=demo&dryRun=true", null), 200);
        assertEquals("[\"h-1\"]", dry.get("hosts").toString());
        assertEquals(3, api.tasks.submitted.size(), "a dry run submits nothing");
    }

    @Test
    void refusesBadInputAndCallersWithoutThePermission() throws Exception {
        String ok = "{\"targets\":{\"hosts\":[\"web-1\"]},\"user\":\"alice\",\"sshPublicKey\":\"" + KEY + "\"}";
        refused(api.call("viewer", "POST", "/api/v1/host-accounts", ok), 403, ErrorCode.FORBIDDEN);
        refused(api.call("viewer", "DELETE", "/api/v1/host-accounts/alice?hosts=web-1", null), 403, ErrorCode.FORBIDDEN);
        refused(api.call("viewer", "POST", "/api/v1/host-accounts/rotate", "{\"targets\":{\"hosts\":[\"web-1\"]},\"user\":\"a\"}"), 403,
                ErrorCode.FORBIDDEN);
        refused(api.call("viewer", "POST", "/api/v1/host-accounts/trust", "{\"from\":\"web-1\",\"to\":{\"hosts\":[\"web-1\"]},\"user\":\"a\"}"),
                403, ErrorCode.FORBIDDEN);
        for (String bad : new String[] {ok.replace("alice", "Alice"), ok.replace("alice", "root"), ok.replace("alice", "a;id"),
                ok.replace("ssh-ed25519", "ssh-dss"), ok.replace(KEY, KEY + "\\nssh-rsa AAAA"), ok.replace("}", ",\"kind\":\"shared\"}"),
                ok.replace("\"user\"", "\"shell\":\"/bin/sh\",\"user\""), ok.replace("}", ",\"sudo\":\"yes\"}")}) {
            refused(api.call("op", "POST", "/api/v1/host-accounts", bad), 400, ErrorCode.INVALID_REQUEST);
        }
        refused(api.call("op", "DELETE", "/api/v1/host-accounts/alice", null), 400, ErrorCode.NO_TARGET);
        refused(api.call("op", "DELETE", "/api/v1/host-accounts/Bad%20Name?hosts=web-1", null), 400, ErrorCode.INVALID_REQUEST);
        refused(api.call("dbop", "POST", "/api/v1/host-accounts", ok), 403, ErrorCode.OUT_OF_SCOPE);
        assertTrue(api.tasks.submitted.isEmpty());
    }

    @Test
    void trustMakesTheKeyOnTheFromHostThenAuthorisesItOnTheTargets() throws Exception {
        api.tasks.results.put("t-1", List.of(result(HostTaskState.SUCCEEDED, KEY + "\n", null)));
        JsonNode a = status(api.call("op", "POST", "/api/v1/host-accounts/trust",
                "{\"from\":\"web-1\",\"to\":{\"groups\":[\"db\"]},\"user\":\"deploy\",\"create\":true}"), 202);
        assertEquals("t-2", a.get("taskId").asText());
        assertEquals("t-1", a.get("keyTaskId").asText());
        assertEquals(KEY, a.get("publicKey").asText());
        assertEquals(Map.of("op", "keygen", "user", "deploy"), api.tasks.submitted.get(0).params());
        assertEquals(List.of("web-1"), api.tasks.submitted.get(0).targets().hosts());
        TaskSubmission authorize = api.tasks.submitted.get(1);
        assertEquals(Map.of("op", "authorize", "user", "deploy", "sshPublicKey", KEY, "create", "true"), authorize.params());
        assertEquals(List.of("db"), authorize.targets().groups());
    }

    @Test
    void aFailedKeygenIsAConflictNamingTheHostAndTheCode() throws Exception {
        api.tasks.results.put("t-1", List.of(result(HostTaskState.FAILED, "", ErrorCode.ACCOUNT_FAILED)));
        HttpResponse<String> r = api.call("op", "POST", "/api/v1/host-accounts/trust",
                "{\"from\":\"web-1\",\"to\":{\"hosts\":[\"db-1\"]},\"user\":\"deploy\"}");
        JsonNode e = status(r, 409).get("error");
        assertEquals("CONFLICT", e.get("code").asText());
        assertEquals("[\"h-1\",\"ACCOUNT_FAILED\"]", e.get("details").toString());
        assertTrue(e.get("message").asText().contains("host 'h-1'"), r.body());
        assertEquals(1, api.tasks.submitted.size(), "no authorize without a key");
        refused(api.call("op", "POST", "/api/v1/host-accounts/trust", "{\"from\":\"web-1\",\"to\":{\"hosts\":[\"nope\"]},\"user\":\"deploy\"}"),
                400, ErrorCode.UNKNOWN_TARGET);
        assertEquals(1, api.tasks.submitted.size(), "both steps are checked before the first runs");
    }

    @Test
    void noKeyInTimeCancelsTheKeygenAndSaysSo() {
        TrustSetup setup = new TrustSetup(api.tasks, Duration.ofMillis(200));
        OrreryException e = assertThrows(OrreryException.class, () -> setup.run(new HostAccountRequests.Trust("web-1",
                new dev.orrery.center.proxy.Targets(List.of("db-1"), List.of()), "deploy", false), "op", Scope.ALL, false));
        assertEquals(ErrorCode.CONFLICT, e.code());
        assertEquals(List.of("h-1", "TIMED_OUT"), e.details());
        assertEquals(List.of("t-1"), api.tasks.cancelled);
    }

    private static HostTaskRecord result(HostTaskState state, String stdout, ErrorCode error) {
        return new HostTaskRecord("t-1", "h-1", state, error == null ? 0 : -1, stdout, "", false, error,
                error == null ? null : "step ssh-keygen failed: exit 1", "ch-1", 1L);
    }
}
