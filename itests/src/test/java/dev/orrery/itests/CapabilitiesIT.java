package dev.orrery.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orrery.bench.rest.SignedClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The agent capabilities hostinfo, store and action on the all-in-one's local agent, with real
 * processes: the host report under "hostinfo" in GET /hosts/{id}; a script with arguments run
 * through POST /store and deleted afterwards; its stdout lines read back from GET /data/{topic} and
 * with orrery:data-tail;
 * an and/or/not action with a step naming a plugin that is not installed; a too large script; and the store bundle stopped (its tasks fail with
 * HANDLER_MISSING), updated and started again (its tasks work again) while the agent runs.
 * And the agent's watchdog: with a memory cap the agent is over, new tasks fail with
 * AGENT_OVERLOADED and the agent section says it sheds; back under its cap, they run again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CapabilitiesIT extends AllInOneTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORE_BUNDLE = "dev.orrery.agent.store";

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configs;

    @Test
    public void theHostReportIsShownUnderHostinfo() throws Exception {
        AtomicReference<JsonNode> host = new AtomicReference<>();
        await("hostinfo section of " + LOCAL_HOST).atMost(Duration.ofSeconds(60)).until(() -> {
            SignedClient.Answer a = api.call("GET", "/hosts/" + LOCAL_HOST, null);
            host.set(a.status() == 200 ? a.json() : null);
            return host.get() != null && host.get().path("hostinfo").isObject();
        });
        JsonNode info = host.get().path("hostinfo");
        assertEquals(info.toString(), LOCAL_HOST, info.path("hostname").asText());
        assertTrue(info.toString(), info.path("cpu").path("cores").asInt() >= 1);
        assertTrue(info.toString(), info.path("memory").path("totalBytes").asLong() > 0);
        assertTrue(info.toString(), info.path("disks").isArray());
        assertFalse(info.toString(), info.path("os").path("kernel").asText().isEmpty());
        assertTrue(info.toString(), info.path("ips").size() >= 1);
    }

    @Test
    public void aStoredScriptRunsWithItsArgumentsAndIsDeleted() throws Exception {
        String script = "echo \"$0\"\necho \"args:$1|$2\"\nexit 3\n";
        JsonNode r = finished(store(script, List.of("one", "two words")));
        assertEquals(r.toString(), "FAILED", r.path("state").asText());
        assertEquals(r.toString(), 3, r.path("exitCode").asInt());
        String[] lines = r.path("stdout").asText().split("\n");
        assertEquals(r.toString(), "args:one|two words", lines[1]);
        assertTrue(lines[0], lines[0].contains("/orrery/agent/scripts/"));
        assertFalse("the script file is deleted", Files.exists(Path.of(lines[0])));
        assertTrue("no script folder is left", noScriptLeft());
    }

    @Test
    public void aScriptsStdoutLinesGoToItsDataTopic() throws Exception {
        String topic = "it.store." + UUID.randomUUID().toString().substring(0, 8);
        JsonNode r = finished(store("echo alpha\nsleep 0.5\necho beta\nprintf gamma\n", List.of(), topic));
        assertEquals(r.toString(), "SUCCEEDED", r.path("state").asText());
        AtomicReference<JsonNode> page = new AtomicReference<>();
        await("records of " + topic).atMost(Duration.ofSeconds(30)).until(() -> {
            SignedClient.Answer a = api.call("GET", "/data/" + topic, null);
            page.set(a.json());
            return a.status() == 200 && a.json().path("records").size() >= 3;
        });
        JsonNode records = page.get().path("records");
        assertEquals(page.get().toString(), 3, records.size());
        assertEquals("alpha", records.path(0).path("data").asText());
        assertEquals("beta", records.path(1).path("data").asText());
        assertEquals("gamma", records.path(2).path("data").asText());
        assertEquals(LOCAL_HOST, records.path(0).path("hostId").asText());
        assertTrue(records.path(1).path("seq").asLong() > records.path(0).path("seq").asLong());

        String tail = execute("orrery:data-tail --for 1 " + topic);
        assertTrue(tail, tail.contains(LOCAL_HOST) && tail.contains(" alpha") && tail.indexOf(" beta") < tail.indexOf(" gamma"));
    }

    @Test
    public void anActionEvaluatesAndOrNotWithAMissingPluginStep() throws Exception {
        // the plugin capability runs, the plugin "none" is not installed: that step fails with PLUGIN_MISSING
        String tree = "{\"and\":[{\"cmd\":{\"command\":\"echo first\"}},{\"or\":[{\"plugin\":{\"name\":\"none\"}},"
                + "{\"not\":{\"cmd\":\"exit 1\"}}]}]}";
        JsonNode r = finished(action(tree));
        assertEquals(r.toString(), "SUCCEEDED", r.path("state").asText());
        JsonNode report = JSON.readTree(r.path("stdout").asText());
        assertTrue(report.toString(), report.path("result").asBoolean());
        JsonNode steps = report.path("steps");
        assertEquals(report.toString(), 3, steps.size());
        assertEquals("first\n", steps.path(0).path("stdout").asText());
        assertEquals("and[1]/or[0]", steps.path(1).path("path").asText());
        assertEquals("PLUGIN_MISSING", steps.path(1).path("error").path("code").asText());
        assertEquals(1, steps.path(2).path("exitCode").asInt());

        JsonNode failed = finished(action("{\"and\":[{\"cmd\":\"true\"},{\"plugin\":{\"name\":\"none\"}}]}"));
        assertEquals(failed.toString(), "ACTION_FAILED", failed.path("error").path("code").asText());
        assertTrue(failed.toString(), failed.path("error").path("message").asText().contains("and[1]"));
    }

    @Test
    public void aTooLargeScriptIsRefusedWith413() throws Exception {
        SignedClient.Answer a = api.call("POST", "/store", storeBody("#" + "x".repeat(2 * 1024 * 1024), List.of()));
        assertEquals(a.body(), 413, a.status());
    }

    @Test
    public void storeTasksFailCleanlyWhileTheStoreBundleIsStoppedAndWorkAgainAfterAnUpdate() throws Exception {
        Bundle store = bundle(STORE_BUNDLE);
        try {
            store.stop();
            JsonNode r = finished(store("echo never", List.of()));
            assertEquals(r.toString(), "FAILED", r.path("state").asText());
            assertEquals(r.toString(), "HANDLER_MISSING", r.path("error").path("code").asText());
            store.update();
        } finally {
            store.start();
        }
        await("store handler back").atMost(Duration.ofSeconds(30)).until(() -> context.getServiceReferences(
                "dev.orrery.agent.api.TaskHandler", "(orrery.task.type=store)") != null);
        JsonNode again = finished(store("echo back", List.of()));
        assertEquals(again.toString(), "SUCCEEDED", again.path("state").asText());
        assertEquals("back\n", again.path("stdout").asText());
    }

    @Test
    public void theWatchdogShedsTasksWhileTheAgentIsOverItsMemoryCapAndReportsIt() throws Exception {
        Configuration agent = configs.getConfiguration("dev.orrery.agent", null);
        Dictionary<String, Object> original = agent.getProperties();
        Dictionary<String, Object> capped = copy(original);
        capped.put("watchdogHeapPercent", "1");
        capped.put("watchdogIntervalSeconds", "1");
        capped.put("statusSeconds", "1");
        agent.update(capped);
        // The heap in use after collection must really be over 1 % of this JVM's maximum: hold a ballast.
        byte[][] ballast = new byte[(int) Math.max(4, Runtime.getRuntime().maxMemory() / 50 / (64 << 20) + 2)][];
        for (int i = 0; i < ballast.length; i++) {
            ballast[i] = new byte[64 << 20];
        }
        System.gc();
        try {
            await("the agent sheds and says so").atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
                JsonNode r = finished(store("echo shed", List.of()));
                return "AGENT_OVERLOADED".equals(r.path("error").path("code").asText());
            });
            await("the agent section reports the shedding").atMost(Duration.ofSeconds(60)).until(() -> {
                JsonNode host = api.call("GET", "/hosts/" + LOCAL_HOST, null).json();
                return host.path("agent").toString().contains("\"shedding\":true");
            });
        } finally {
            agent.update(original);
            assertTrue(ballast.length > 0); // keeps the ballast reachable until here
        }
        await("tasks run again once the cap is lifted").atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> "SUCCEEDED".equals(finished(store("echo back", List.of())).path("state").asText()));
    }

    // ------------------------------------------------------------------ helpers

    private static Dictionary<String, Object> copy(Dictionary<String, Object> from) {
        Dictionary<String, Object> to = new Hashtable<>();
        if (from != null) {
            for (Enumeration<String> keys = from.keys(); keys.hasMoreElements();) {
                String k = keys.nextElement();
                to.put(k, from.get(k));
            }
        }
        return to;
    }

    private Bundle bundle(String symbolicName) {
        return Stream.of(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
    }

    private static boolean noScriptLeft() throws Exception {
        Path root = Path.of(System.getProperty("karaf.data"), "orrery", "agent", "scripts");
        if (!Files.isDirectory(root)) {
            return true;
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.findAny().isEmpty();
        }
    }

    private String storeBody(String script, List<String> args) {
        return storeBody(script, args, null);
    }

    private String storeBody(String script, List<String> args, String dataTopic) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("targets").putArray("hosts").add(LOCAL_HOST);
        body.put("content", script);
        body.put("interpreter", "/bin/sh");
        args.forEach(body.putArray("args")::add);
        body.put("timeoutSeconds", 30);
        if (dataTopic != null) {
            body.put("dataTopic", dataTopic);
        }
        return body.toString();
    }

    /** @return the task id of a store task, through POST /store or else TaskService */
    private String store(String script, List<String> args) throws Exception {
        return store(script, args, null);
    }

    private String store(String script, List<String> args, String dataTopic) throws Exception {
        SignedClient.Answer a = api.call("POST", "/store", storeBody(script, args, dataTopic));
        assertEquals(a.body(), 202, a.status());
        return a.json().path("taskId").asText();
    }

    /** @return the task id of an action task through POST /action */
    private String action(String tree) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("targets").putArray("hosts").add(LOCAL_HOST);
        body.set("action", JSON.readTree(tree));
        body.put("timeoutSeconds", 60);
        SignedClient.Answer a = api.call("POST", "/action", body.toString());
        assertEquals(a.body(), 202, a.status());
        return a.json().path("taskId").asText();
    }

    /** @return the local host's final result as GET /tasks/{id}/results shows it */
    private JsonNode finished(String taskId) {
        AtomicReference<JsonNode> result = new AtomicReference<>();
        await("result of task " + taskId).atMost(Duration.ofSeconds(60)).until(() -> {
            SignedClient.Answer results = api.call("GET", "/tasks/" + taskId + "/results", null);
            JsonNode r = results.status() == 200 ? results.json().path("results").path(0) : null;
            result.set(r);
            return r != null && !r.isMissingNode() && r.path("state").asText().matches("SUCCEEDED|FAILED|TIMED_OUT|CANCELLED");
        });
        return result.get();
    }
}
