package dev.orrery.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.bench.rest.SignedClient;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * API accounts in the booted all-in-one: roles and scopes on {@code POST /cmd} (the local agent is
 * in group {@code it}), dry runs, rotation and deletion of keys, and the {@code orrery:account-*}
 * console commands.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AccountsIT extends AllInOneTestSupport {
    private static final String CMD = "{\"targets\":{\"hosts\":[\"" + LOCAL_HOST + "\"]},\"command\":\"echo accounts-it\"}";
    private static final String DRY_RUN = CMD.replace("accounts-it\"}", "accounts-it\",\"dryRun\":true}");

    /** Creates an account through the API as the admin; returns its answer (keyId and secret). */
    private JsonNode createAccount(String name, String role, String groups) throws Exception {
        SignedClient.Answer created = api.call("POST", "/accounts",
                "{\"name\":\"" + name + "\",\"role\":\"" + role + "\",\"groups\":[" + groups + "]}");
        assertEquals(created.body(), 201, created.status());
        JsonNode a = created.json();
        assertTrue(a.path("keyId").asText().matches("key-[0-9a-f]{16}"));
        return a;
    }

    /** Creates an account and returns a client signing as it. */
    private SignedClient create(String name, String role, String groups) throws Exception {
        JsonNode a = createAccount(name, role, groups);
        return api.withKey(a.path("keyId").asText(), a.path("secret").asText());
    }

    private static JsonNode error(SignedClient.Answer a, int status, String code) throws Exception {
        assertEquals(a.body(), status, a.status());
        JsonNode e = a.json().path("error");
        assertEquals(a.body(), code, e.path("code").asText());
        return e;
    }

    @Test
    public void anOperatorOutsideItsGroupsIsRefusedAndNothingRuns() throws Exception {
        SignedClient op = create("it-scoped-op", "operator", "\"elsewhere\"");
        JsonNode e = error(op.call("POST", "/cmd", CMD), 403, "OUT_OF_SCOPE");
        assertEquals(LOCAL_HOST, e.path("details").path(0).asText());
        assertTrue(e.toString(), e.path("message").asText().contains(LOCAL_HOST));
        error(op.call("POST", "/cmd", DRY_RUN), 403, "OUT_OF_SCOPE");
        // it sees no host outside its groups either
        SignedClient.Answer hosts = op.call("GET", "/hosts", null);
        assertEquals(hosts.body(), 200, hosts.status());
        assertEquals(hosts.body(), 0, hosts.json().path("total").asInt());
        error(op.call("GET", "/hosts/" + LOCAL_HOST, null), 404, "NOT_FOUND");
    }

    @Test
    public void aViewerMayNotSubmitAndADryRunShowsTheHost() throws Exception {
        SignedClient viewer = create("it-viewer", "viewer", "");
        JsonNode e = error(viewer.call("POST", "/cmd", CMD), 403, "FORBIDDEN");
        assertTrue(e.toString(), e.path("message").asText().contains("task:submit"));
        assertEquals(200, viewer.call("GET", "/hosts/" + LOCAL_HOST, null).status());

        SignedClient op = create("it-op", "operator", "\"it\"");
        SignedClient.Answer plan = op.call("POST", "/cmd", DRY_RUN);
        assertEquals(plan.body(), 200, plan.status());
        assertTrue(plan.json().path("dryRun").asBoolean());
        assertEquals(1, plan.json().path("total").asInt());
        assertEquals(LOCAL_HOST, plan.json().path("hosts").path(0).path("hostId").asText());
        assertEquals("echo accounts-it", plan.json().path("command").asText());
        error(op.call("GET", "/stats", null), 403, "FORBIDDEN");
        error(op.call("GET", "/accounts", null), 403, "FORBIDDEN");
    }

    @Test
    public void rotateAndDeleteInvalidateTheOldSecret() throws Exception {
        JsonNode account = createAccount("it-rotated", "viewer", "");
        String keyId = account.path("keyId").asText();
        SignedClient old = api.withKey(keyId, account.path("secret").asText());
        assertEquals(200, old.call("GET", "/hosts", null).status());
        SignedClient.Answer rotated = api.call("POST", "/accounts/" + keyId + "/rotate", null);
        assertEquals(rotated.body(), 200, rotated.status());
        SignedClient fresh = api.withKey(keyId, rotated.json().path("secret").asText());
        error(old.call("GET", "/hosts", null), 401, "UNAUTHENTICATED");
        assertEquals(200, fresh.call("GET", "/hosts", null).status());

        SignedClient.Answer list = api.call("GET", "/accounts", null);
        assertEquals(list.body(), 200, list.status());
        assertFalse(list.body(), list.body().contains("secret"));

        assertEquals(204, api.call("DELETE", "/accounts/" + keyId, null).status());
        error(fresh.call("GET", "/hosts", null), 401, "UNAUTHENTICATED");
    }

    @Test
    public void accountShellCommands() throws Exception {
        String created = execute("orrery:account-create --role operator --groups it --command-mapping it-shell");
        Matcher m = Pattern.compile("keyId:\\s+(key-[0-9a-f]{16})").matcher(created);
        assertTrue(created, m.find());
        String keyId = m.group(1);
        assertTrue(created, created.contains("secret:"));
        String listed = execute("orrery:account-list");
        assertTrue(listed, listed.contains(keyId) && listed.contains("it-shell"));
        assertFalse(listed, listed.contains("secret"));
        String mapping = execute("orrery:account-mapping " + keyId + " echo uptime");
        assertTrue(mapping, mapping.contains("echo") && mapping.contains("uptime"));
        assertTrue(execute("orrery:account-disable " + keyId).contains("disabled"));
        assertTrue(execute("orrery:account-enable " + keyId).contains("enabled"));
        assertTrue(execute("orrery:account-rotate " + keyId).contains("secret:"));
        assertTrue(execute("orrery:account-delete " + keyId).contains("deleted"));
        assertTrue(executeExpectingFailure("orrery:account-delete " + keyId).contains("NOT_FOUND"));
    }

}
