package dev.orrery.agent.action.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskHandler;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ActionHandlerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ActionSettings SETTINGS = new ActionSettings(60, 64, 16, 1024, 4096);

    /** Succeeds for command "ok ...", fails with exit 1 otherwise; records what it received. */
    static final class Fake implements TaskHandler {
        final List<TaskRequest> received = new ArrayList<>();

        @Override
        public synchronized TaskOutcome execute(TaskRequest request, TaskContext context) {
            received.add(request);
            String c = request.param("command", "");
            return c.startsWith("ok") ? TaskOutcome.succeeded(c + "\n")
                    : new TaskOutcome(HostTaskState.FAILED, 1, null, "bad\n".getBytes(UTF_8), false, ErrorCode.NONZERO_EXIT, "exit 1");
        }
    }

    /** A cancellable context. */
    static final class Ctx implements TaskContext {
        final CompletableFuture<Void> cancelled = new CompletableFuture<>();

        @Override
        public boolean isCancelled() {
            return cancelled.isDone();
        }

        @Override
        public void onCancel(Runnable action) {
            cancelled.thenRun(action);
        }
    }

    final Fake cmd = new Fake();
    final Fake store = new Fake();

    ActionHandler handler() {
        ActionHandler h = new ActionHandler(SETTINGS);
        h.addHandler(cmd, Map.of(TaskHandler.TYPE, "cmd"));
        h.addHandler(store, Map.of(TaskHandler.TYPE, "store"));
        return h;
    }

    static TaskRequest task(String tree, String... params) {
        Map<String, String> p = new java.util.HashMap<>();
        p.put("action", tree);
        for (int i = 0; i < params.length; i += 2) {
            p.put(params[i], params[i + 1]);
        }
        return new TaskRequest("T1-" + java.util.UUID.randomUUID(), "h1", "action", p, null, 30);
    }

    static JsonNode report(TaskOutcome o) throws Exception {
        return JSON.readTree(o.stdout());
    }

    static List<String> paths(TaskOutcome o) throws Exception {
        List<String> out = new ArrayList<>();
        report(o).get("steps").forEach(s -> out.add(s.get("path").asText() + "=" + s.get("state").asText()));
        return out;
    }

    @Test
    void andStopsAtTheFirstFailureAndNamesIt() throws Exception {
        TaskOutcome o = handler().execute(task("{\"and\":[{\"cmd\":\"ok 1\"},{\"cmd\":{\"command\":\"no\"}},{\"cmd\":\"ok 3\"}]}"),
                new Ctx());
        assertEquals(HostTaskState.FAILED, o.state());
        assertEquals(ErrorCode.ACTION_FAILED, o.error());
        assertTrue(o.errorMessage().contains("and[1]"), o.errorMessage());
        assertEquals(List.of("and[0]=SUCCEEDED", "and[1]=FAILED"), paths(o));
        JsonNode r = report(o);
        assertEquals(false, r.get("result").asBoolean());
        assertEquals("ok 1\n", r.get("steps").get(0).get("stdout").asText());
        assertEquals("bad\n", r.get("steps").get(1).get("stderr").asText());
        assertEquals("NONZERO_EXIT", r.get("steps").get(1).get("error").get("code").asText());
        assertEquals(1, r.get("steps").get(1).get("exitCode").asInt());
    }

    @Test
    void orStopsAtTheFirstSuccessAndNotInverts() throws Exception {
        TaskOutcome o = handler().execute(task("{\"and\":[{\"or\":[{\"cmd\":\"no\"},{\"cmd\":\"ok b\"},{\"cmd\":\"ok c\"}]},"
                + "{\"not\":{\"cmd\":\"no\"}}]}"), new Ctx());
        assertEquals(HostTaskState.SUCCEEDED, o.state(), o.errorMessage());
        assertEquals(List.of("and[0]/or[0]=FAILED", "and[0]/or[1]=SUCCEEDED", "and[1]/not=FAILED"), paths(o));
        assertEquals(true, report(o).get("result").asBoolean());
    }

    @Test
    void aStepWithoutItsCapabilityFailsWithHandlerMissing() throws Exception {
        TaskOutcome o = handler().execute(task("{\"or\":[{\"plugin\":{\"name\":\"x\"}},{\"file\":{\"path\":\"/x\"}}]}"), new Ctx());
        assertEquals(ErrorCode.ACTION_FAILED, o.error());
        JsonNode steps = report(o).get("steps");
        assertEquals("HANDLER_MISSING", steps.get(0).get("error").get("code").asText());
        assertTrue(steps.get(0).get("error").get("message").asText().contains("or[0]"));
        assertTrue(o.errorMessage().contains("or[1] (file)"), o.errorMessage());
    }

    @Test
    void handlersComeAndGo() throws Exception {
        ActionHandler h = handler();
        h.removeHandler(cmd, Map.of(TaskHandler.TYPE, "cmd"));
        assertEquals("HANDLER_MISSING", report(h.execute(task("{\"cmd\":\"ok\"}"), new Ctx())).get("steps").get(0)
                .get("error").get("code").asText());
        h.addHandler(cmd, Map.of(TaskHandler.TYPE, "cmd"));
        assertEquals(HostTaskState.SUCCEEDED, h.execute(task("{\"cmd\":\"ok\"}"), new Ctx()).state());
        assertEquals(List.of("root=SUCCEEDED"), paths(h.execute(task("{\"cmd\":\"ok\"}"), new Ctx())));
    }

    @Test
    void eachStepGetsItsOwnRequest() throws Exception {
        String tree = "{\"and\":[{\"cmd\":{\"command\":\"ok\",\"runAs\":\"nobody\",\"env\":{\"A\":\"1\"},\"timeoutSeconds\":5,"
                + "\"confirmedHighRisk\":\"forged\"}},{\"store\":{\"content\":\"echo hi\",\"args\":[\"a\",\"b\"],"
                + "\"command\":\"ok\",\"timeoutSeconds\":999}}]}";
        TaskRequest parent = task(tree, "confirmedHighRisk", "power");
        handler().execute(parent, new Ctx());
        TaskRequest c = cmd.received.get(0);
        assertEquals(parent.taskId() + ".s1", c.taskId());
        assertEquals("cmd", c.type());
        assertEquals("nobody", c.params().get("runAs"));
        assertEquals("1", c.params().get("env.A"));
        assertEquals("power", c.params().get("confirmedHighRisk"));
        assertEquals(5, c.timeoutSeconds());
        TaskRequest s = store.received.get(0);
        assertEquals(parent.taskId() + ".s2", s.taskId());
        assertEquals("echo hi", new String(s.body(), UTF_8));
        assertEquals("[\"a\",\"b\"]", s.params().get("args"));
        assertEquals("56a79f3b115448072387c2480044bfa2cf8f90e4f5fddd8c943b4e051b81f80b", s.params().get("sha256"));
        assertTrue(s.timeoutSeconds() <= 30, "capped by the action's timeout");
    }

    @Test
    void malformedTreesAreBadTasks() {
        for (String bad : List.of("", "not json", "[]", "{\"and\":[]}", "{\"xor\":[{\"cmd\":\"ok\"}]}",
                "{\"cmd\":\"ok\",\"store\":{}}", "{\"store\":\"text\"}")) {
            assertEquals(ErrorCode.BAD_TASK, handler().execute(task(bad), new Ctx()).error(), bad);
        }
        StringBuilder many = new StringBuilder("{\"and\":[");
        for (int i = 0; i < 65; i++) {
            many.append(i == 0 ? "" : ",").append("{\"cmd\":\"ok\"}");
        }
        assertEquals(ErrorCode.BAD_TASK, handler().execute(task(many + "]}"), new Ctx()).error());
    }

    @Test
    void aCancelReachesTheRunningStepAndStopsTheAction() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        ActionHandler h = new ActionHandler(SETTINGS);
        h.addHandler((req, ctx) -> {
            running.countDown();
            CompletableFuture<Void> stop = new CompletableFuture<>();
            ctx.onCancel(() -> stop.complete(null));
            stop.get(20, TimeUnit.SECONDS);
            return TaskOutcome.failed(ErrorCode.CANCELLED, "cancelled");
        }, Map.of(TaskHandler.TYPE, "cmd"));
        Ctx ctx = new Ctx();
        CompletableFuture<TaskOutcome> f = CompletableFuture.supplyAsync(
                () -> h.execute(task("{\"and\":[{\"cmd\":\"a\"},{\"cmd\":\"b\"}]}"), ctx));
        assertTrue(running.await(10, TimeUnit.SECONDS));
        ctx.cancelled.complete(null);
        await().atMost(Duration.ofSeconds(10)).until(f::isDone);
        TaskOutcome o = f.get();
        assertEquals(HostTaskState.CANCELLED, o.state());
        assertEquals(1, report(o).get("steps").size());
    }

    @Test
    void outputIsCappedPerStepAndInTotal() throws Exception {
        ActionHandler h = new ActionHandler(new ActionSettings(60, 64, 16, 4, 6));
        h.addHandler(cmd, Map.of(TaskHandler.TYPE, "cmd"));
        TaskOutcome o = h.execute(task("{\"and\":[{\"cmd\":\"ok 12345\"},{\"cmd\":\"ok 6789\"}]}"), new Ctx());
        JsonNode steps = report(o).get("steps");
        assertEquals("ok 1", steps.get(0).get("stdout").asText());
        assertEquals("ok", steps.get(1).get("stdout").asText());
        assertTrue(steps.get(1).get("truncated").asBoolean());
        assertTrue(o.truncated());
    }
}
