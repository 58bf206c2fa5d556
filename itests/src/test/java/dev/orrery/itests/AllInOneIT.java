package dev.orrery.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.bench.rest.SignedClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * One command end to end in the booted all-in-one: through the signed REST API and through the
 * {@code orrery:run} console command, both running a real child process on the local agent.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AllInOneIT extends AllInOneTestSupport {

    @Test
    public void signedRestCommandRunsOnTheLocalAgent() throws Exception {
        SignedClient.Answer submitted = api.call("POST", "/cmd",
                "{\"targets\":{\"hosts\":[\"" + LOCAL_HOST + "\"]},\"command\":\"echo hello-$ORRERY_TASK_ID\",\"timeoutSeconds\":30}");
        assertEquals(submitted.body(), 202, submitted.status());
        String taskId = submitted.json().path("taskId").asText();
        assertFalse("taskId in " + submitted.body(), taskId.isEmpty());
        assertEquals(1, submitted.json().path("hosts").asInt());

        AtomicReference<JsonNode> result = new AtomicReference<>();
        await("result of task " + taskId).atMost(Duration.ofSeconds(60)).until(() -> {
            SignedClient.Answer results = api.call("GET", "/tasks/" + taskId + "/results", null);
            JsonNode first = results.status() == 200 ? results.json().path("results").path(0) : null;
            result.set(first);
            return first != null && "SUCCEEDED".equals(first.path("state").asText());
        });
        JsonNode r = result.get();
        assertEquals(LOCAL_HOST, r.path("hostId").asText());
        assertEquals(0, r.path("exitCode").asInt());
        assertEquals("hello-" + taskId, r.path("stdout").asText().trim());

        SignedClient.Answer task = api.call("GET", "/tasks/" + taskId, null);
        assertEquals(task.body(), 200, task.status());
        assertEquals("DONE", task.json().path("state").asText());
        assertEquals(1, task.json().path("counts").path("succeeded").asInt());
    }

    @Test
    public void orreryRunInTheConsolePrintsTheOutput() throws Exception {
        String out = execute("orrery:run " + LOCAL_HOST + " -- echo console-hello");
        assertTrue(out, out.contains("console-hello"));
        assertTrue(out, out.contains(LOCAL_HOST));
        assertTrue(out, out.contains("SUCCEEDED"));
    }

    @Test
    public void orreryHostsListsTheLocalAgent() throws Exception {
        String out = execute("orrery:hosts");
        assertTrue(out, out.contains(LOCAL_HOST));
        assertTrue(out, out.contains("ONLINE"));
    }

}
