package dev.orrery.center.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.ErrorCode;
import dev.orrery.center.proxy.TaskSubmission;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /store, POST /action and dataTopic on POST /cmd, over real HTTP. */
class ScriptsHttpTest {
    private static final int MAX_SCRIPT = 1000;
    private static final String WEB = "\"targets\":{\"hosts\":[\"web-1\"]}";
    private SecuredApi api;

    @BeforeEach
    void start() throws Exception {
        api = new SecuredApi(RateLimiter.NONE, a -> {
            ApiSecurity security = TestSecurity.of(a.accounts);
            return List.of(new StoreResource(a.tasks, 100, MAX_SCRIPT, security), new ActionResource(a.tasks, 100, MAX_SCRIPT, security));
        });
        api.account("op", "operator", List.of(), false);
        api.account("viewer", "viewer", List.of(), false);
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    private static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    private static JsonNode refused(HttpResponse<String> r, int status, ErrorCode code) throws Exception {
        JsonNode error = json(r, status).get("error");
        assertEquals(code.name(), error.get("code").asText(), r.body());
        return error;
    }

    private TaskSubmission last() {
        return api.tasks.submitted.get(api.tasks.submitted.size() - 1);
    }

    @Test
    void aStoreTaskCarriesTheScriptAsBodyWithItsDigest() throws Exception {
        JsonNode a = json(api.call("op", "POST", "/api/v1/store", "{" + WEB + ",\"content\":\"echo hi\\n\",\"args\":[\"a\",\"b c\"],"
                + "\"timeoutSeconds\":30,\"runAs\":\"nobody\",\"dataTopic\":\"app.metrics\"}"), 202);
        assertEquals(1, a.get("hosts").asInt());
        TaskSubmission s = last();
        assertEquals("store", s.type());
        assertEquals("echo hi\n", new String(s.body(), StandardCharsets.UTF_8));
        assertEquals(StoreRequestParser.sha256("echo hi\n".getBytes(StandardCharsets.UTF_8)), s.params().get("sha256"));
        assertEquals(64, s.params().get("sha256").length());
        assertEquals("/bin/sh", s.params().get("interpreter"));
        assertEquals("[\"a\",\"b c\"]", s.params().get("args"));
        assertEquals("nobody", s.params().get("runAs"));
        assertEquals("app.metrics", s.params().get("dataTopic"));
        assertEquals(30, s.timeoutSeconds());
        assertEquals("op", s.createdBy());

        json(api.call("op", "POST", "/api/v1/store", "{" + WEB + ",\"content\":\"print(1)\",\"interpreter\":\"/usr/bin/python3\"}"), 202);
        assertEquals("/usr/bin/python3", last().params().get("interpreter"));
        assertTrue(!last().params().containsKey("args"));
        int before = api.tasks.submitted.size();
        JsonNode dry = json(api.call("op", "POST", "/api/v1/store", "{" + WEB + ",\"content\":\"true\",\"dryRun\":true}"), 200);
        assertEquals("store", dry.get("type").asText());
        assertEquals(before, api.tasks.submitted.size(), "a dry run submits nothing");
    }

    @Test
    void storeRefusesTooLargeScriptsBadFieldsAndViewers() throws Exception {
        refused(api.call("op", "POST", "/api/v1/store", "{" + WEB + ",\"content\":\"" + "x".repeat(MAX_SCRIPT + 1) + "\"}"), 413,
                ErrorCode.CONTENT_TOO_LARGE);
        for (String bad : new String[] {"\"content\":\"\"", "\"content\":5", "\"content\":\"x\",\"interpreter\":\"a b\"",
                "\"content\":\"x\",\"args\":[1]", "\"content\":\"x\",\"dataTopic\":\"orrery.cron.x\"", "\"content\":\"x\",\"dataTopic\":\"a b\"",
                "\"content\":\"x\",\"color\":1"}) {
            refused(api.call("op", "POST", "/api/v1/store", "{" + WEB + "," + bad + "}"), 400, ErrorCode.INVALID_REQUEST);
        }
        refused(api.call("viewer", "POST", "/api/v1/store", "{" + WEB + ",\"content\":\"x\"}"), 403, ErrorCode.FORBIDDEN);
        refused(api.call("op", "POST", "/api/v1/store", "{" + WEB + ",\"content\":\"x\",\"confirmHighRisk\":true}"), 403,
                ErrorCode.FORBIDDEN);
    }

    @Test
    void anActionTreeTravelsAsItsJsonText() throws Exception {
        String tree = "{\"and\":[{\"cmd\":{\"command\":\"uptime\",\"timeoutSeconds\":5}},{\"or\":[{\"store\":{\"content\":\"exit 1\","
                + "\"interpreter\":\"bash\",\"args\":[\"x\"]}},{\"not\":{\"cmd\":\"false\"}}]},{\"plugin\":{\"name\":\"p\"}},{\"file\":{}}]}";
        json(api.call("op", "POST", "/api/v1/action", "{" + WEB + ",\"action\":" + tree + ",\"timeoutSeconds\":120}"), 202);
        TaskSubmission s = last();
        assertEquals("action", s.type());
        assertEquals(Json.MAPPER.readTree(tree), Json.MAPPER.readTree(s.params().get("action")));
        assertEquals(120, s.timeoutSeconds());
        assertEquals(0, s.body().length);
    }

    @Test
    void aBadTreeIsRefusedNamingTheJsonPath() throws Exception {
        String[][] cases = {
            {"{\"and\":[{\"cmd\":\"a\"},{\"cmd\":\"b\",\"not\":{\"cmd\":\"c\"}}]}", "action.and[1]"},
            {"{\"or\":[]}", "action.or"},
            {"{\"xor\":[]}", "action"},
            {"{\"and\":[{\"store\":{\"interpreter\":\"sh\"}}]}", "action.and[0].store.content"},
            {"{\"not\":{\"cmd\":{\"command\":\"x\",\"user\":\"root\"}}}", "action.not.cmd.user"},
            {"{\"cmd\":{\"command\":\"x\",\"timeoutSeconds\":0}}", "action.cmd.timeoutSeconds"},
            {"{\"cmd\":{\"command\":\"x\",\"dataTopic\":\"orrery.x\"}}", "action.cmd.dataTopic"},
            {"{\"plugin\":\"x\"}", "action.plugin"},
            {"{\"plugin\":{\"args\":[]}}", "action.plugin.name"},
            {"{\"plugin\":{\"name\":\"p\",\"op\":\"uninstall\"}}", "action.plugin.op"},
            {"{\"plugin\":{\"name\":\"p\",\"args\":[1]}}", "action.plugin.args"},
            {"[]", "action"},
        };
        for (String[] c : cases) {
            JsonNode error = refused(api.call("op", "POST", "/api/v1/action", "{" + WEB + ",\"action\":" + c[0] + "}"), 400,
                    ErrorCode.INVALID_REQUEST);
            assertTrue(error.get("message").asText().startsWith(c[1] + " "), c[0] + " -> " + error);
        }
        refused(api.call("op", "POST", "/api/v1/action", "{" + WEB + "}"), 400, ErrorCode.INVALID_REQUEST);
    }

    @Test
    void treesAreBoundedInDepthStepsAndScriptBytes() throws Exception {
        String deep = "{\"cmd\":\"x\"}";
        for (int i = 0; i < ActionTree.MAX_DEPTH; i++) {
            deep = "{\"not\":" + deep + "}";
        }
        JsonNode error = refused(api.call("op", "POST", "/api/v1/action", "{" + WEB + ",\"action\":" + deep + "}"), 400,
                ErrorCode.INVALID_REQUEST);
        assertTrue(error.get("message").asText().contains("deeper than 16"), error.toString());
        StringBuilder many = new StringBuilder("{\"and\":[");
        for (int i = 0; i <= ActionTree.MAX_STEPS; i++) {
            many.append(i == 0 ? "" : ",").append("{\"cmd\":\"true\"}");
        }
        error = refused(api.call("op", "POST", "/api/v1/action", "{" + WEB + ",\"action\":" + many + "]}}"), 400,
                ErrorCode.INVALID_REQUEST);
        assertTrue(error.get("message").asText().startsWith("action.and[64].cmd "), error.toString());
        String half = "x".repeat(MAX_SCRIPT / 2 + 1);
        refused(api.call("op", "POST", "/api/v1/action", "{" + WEB + ",\"action\":{\"and\":[{\"store\":{\"content\":\"" + half
                + "\"}},{\"store\":{\"content\":\"" + half + "\"}}]}}"), 413, ErrorCode.CONTENT_TOO_LARGE);
    }

    @Test
    void cmdAcceptsADataTopicButNotAReservedOne() throws Exception {
        json(api.call("op", "POST", "/api/v1/cmd", "{" + WEB + ",\"command\":\"tail -f x\",\"dataTopic\":\"logs.web\"}"), 202);
        assertEquals("logs.web", last().params().get("dataTopic"));
        refused(api.call("op", "POST", "/api/v1/cmd", "{" + WEB + ",\"command\":\"x\",\"dataTopic\":\"orrery.cron.1\"}"), 400,
                ErrorCode.INVALID_REQUEST);
        refused(api.call("op", "POST", "/api/v1/cmd", "{" + WEB + ",\"command\":\"x\",\"dataTopic\":\"-x\"}"), 400,
                ErrorCode.INVALID_REQUEST);
    }
}
