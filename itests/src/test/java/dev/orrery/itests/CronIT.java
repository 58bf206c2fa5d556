package dev.orrery.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.bench.rest.SignedClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Cron on the all-in-one's local agent with real processes: a per-second job created through
 * POST /cron is synced to the agent, runs, and its runs are read from GET /cron/{id}/runs; deleting
 * it stops the runs; with the center's link bundle stopped the agent keeps running the job, and the
 * runs of the gap arrive once the link is back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CronIT extends AllInOneTestSupport {
    private static final String LINK_BUNDLE = "dev.orrery.center.link";

    @Inject
    private BundleContext context;

    @Override
    @Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(Arrays.asList(super.config()));
        // the agent reports its status (the cron section among it) every 2 s instead of 30 s
        options.add(editConfigurationFilePut(Settings.AGENT_CFG, "statusSeconds", "2"));
        options.add(editConfigurationFilePut("etc/dev.orrery.center.cron.cfg", "reconcileSeconds", "1"));
        options.add(editConfigurationFilePut("etc/dev.orrery.center.cron.cfg", "minResyncSeconds", "3"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void aPerSecondJobRunsOnTheAgentAndStopsWhenDeleted() throws Exception {
        String id = create("*/1 * * * * *", "echo tick-$ORRERY_TASK_ID");
        JsonNode job = ok(api.call("GET", "/cron/" + id, null));
        assertEquals(job.toString(), LOCAL_HOST, job.path("hosts").path(0).asText());
        assertEquals(job.toString(), "cmd", job.path("kind").asText());

        List<JsonNode> runs = awaitRuns(id, 3, Duration.ofSeconds(120));
        JsonNode run = runs.get(0);
        assertEquals(run.toString(), LOCAL_HOST, run.path("hostId").asText());
        assertEquals(run.toString(), 0, run.path("exitCode").asInt());
        assertTrue(run.toString(), run.path("output").asText().startsWith("tick-cron." + id + "."));
        assertTrue(run.toString(), run.path("finishedAt").asLong() >= run.path("startedAt").asLong());
        assertTrue(ok(api.call("GET", "/cron", null)).toString().contains(id));

        assertTrue(ok(api.call("DELETE", "/cron/" + id, null)).path("deleted").asBoolean());
        // runs stop: the count stays the same over 6 s (records in flight may still land first)
        AtomicReference<Integer> last = new AtomicReference<>(-1);
        await("runs stop after delete").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(6)).until(() -> {
            int now = runs(id).size();
            return last.getAndSet(now) == now;
        });
        JsonNode cron = ok(api.call("GET", "/hosts/" + LOCAL_HOST, null)).path("cron");
        await("agent reports no jobs").atMost(Duration.ofSeconds(60)).until(() ->
                ok(api.call("GET", "/hosts/" + LOCAL_HOST, null)).path("cron").path("jobs").asInt(-1) == 0);
        assertTrue(cron.toString(), cron.isObject() || cron.isMissingNode());
    }

    @Test
    public void theAgentKeepsRunningJobsWhileTheCenterIsAway() throws Exception {
        String id = create("* * * * * *", "date +%s");
        awaitRuns(id, 1, Duration.ofSeconds(120));
        Bundle link = bundle(LINK_BUNDLE);
        long stoppedAt;
        long startedAgain;
        try {
            link.stop();
            stoppedAt = System.currentTimeMillis();
            await("a gap").pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(10)).until(() -> true);
            startedAgain = System.currentTimeMillis();
        } finally {
            link.start();
        }
        // runs that started while the link was down arrive once the agent is connected again
        await("runs of the gap").atMost(Duration.ofSeconds(180)).until(() -> runs(id).stream()
                .filter(r -> r.path("startedAt").asLong() > stoppedAt + 1000 && r.path("startedAt").asLong() < startedAgain - 1000)
                .count() >= 3);
        ok(api.call("DELETE", "/cron/" + id, null));
    }

    // ------------------------------------------------------------------ helpers

    private String create(String schedule, String command) throws Exception {
        String body = "{\"targets\":{\"hosts\":[\"" + LOCAL_HOST + "\"]},\"schedule\":\"" + schedule + "\",\"timezone\":\"UTC\","
                + "\"spread\":false,\"command\":" + SignedClient.JSON.writeValueAsString(command) + ",\"timeoutSeconds\":30}";
        SignedClient.Answer a = api.call("POST", "/cron", body);
        assertEquals(a.body(), 201, a.status());
        return a.json().path("cronId").asText();
    }

    private List<JsonNode> awaitRuns(String id, int atLeast, Duration within) {
        AtomicReference<List<JsonNode>> runs = new AtomicReference<>(List.of());
        await("runs of " + id).atMost(within).until(() -> {
            runs.set(runs(id));
            return runs.get().size() >= atLeast;
        });
        return runs.get();
    }

    private List<JsonNode> runs(String id) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = ok(api.call("GET", "/cron/" + id + "/runs?limit=1000&after=" + after, null));
            page.path("runs").forEach(out::add);
            if (page.path("runs").size() < 1000) {
                return out;
            }
            after = page.path("next").asLong();
        }
    }

    private static JsonNode ok(SignedClient.Answer a) {
        assertEquals(a.body(), 200, a.status());
        return a.json();
    }

    private Bundle bundle(String symbolicName) {
        return Stream.of(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
    }
}
