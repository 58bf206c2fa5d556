package dev.orrery.agent.cron.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.agent.api.TaskHandler;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CronSchedulerTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final Map<String, TaskHandler> handlers = new ConcurrentHashMap<>();
    private final FakeChannel channel = new FakeChannel();
    private final List<TaskRequest> seen = new CopyOnWriteArrayList<>();
    private final CronScheduler scheduler = new CronScheduler(Clock.systemUTC(), timer, workers, 4,
            new RunExecutor(handlers::get, 4096, Clock.systemUTC()), channel::publish);

    @AfterEach
    void stop() throws InterruptedException {
        scheduler.close();
        timer.shutdownNow();
        workers.shutdownNow();
        workers.awaitTermination(5, TimeUnit.SECONDS);
    }

    static JobSet set(String host, String... jobs) {
        String body = "{\"digest\":\"d1\",\"jobs\":[" + String.join(",", jobs) + "]}";
        return JobSet.parse(host, body.getBytes(StandardCharsets.UTF_8));
    }

    static String cmdJob(String id, String schedule) {
        return "{\"cronId\":\"" + id + "\",\"version\":1,\"schedule\":\"" + schedule + "\",\"timezone\":\"UTC\",\"spread\":false,"
                + "\"kind\":\"cmd\",\"command\":\"echo hi\",\"runAs\":\"nobody\",\"timeoutSeconds\":5}";
    }

    @Test
    void runsEverySecondThroughTheHandlerAndPublishesEachRun() {
        handlers.put("cmd", (req, ctx) -> {
            seen.add(req);
            return TaskOutcome.succeeded("hi\n");
        });
        scheduler.replace(set("h-1", cmdJob("c1", "* * * * * *")));
        await().atMost(Duration.ofSeconds(10)).until(() -> channel.of("orrery.cron.c1").size() >= 2);
        JsonNode run = channel.of("orrery.cron.c1").get(0);
        assertEquals(0, run.get("exitCode").asInt());
        assertEquals("hi\n", run.get("output").asText());
        assertTrue(run.get("error").isNull());
        assertTrue(run.get("finishedAt").asLong() >= run.get("startedAt").asLong());
        TaskRequest r = seen.get(0);
        assertTrue(r.taskId().matches("cron\\.c1\\.\\d+"), r.taskId());
        assertEquals("h-1", r.hostId());
        assertEquals("echo hi", r.params().get("command"));
        assertEquals("nobody", r.params().get("runAs"));
        assertEquals(5, r.timeoutSeconds());
    }

    @Test
    void aMissingHandlerIsAFailedRun() {
        scheduler.replace(set("h-1", cmdJob("c2", "* * * * * *")));
        await().atMost(Duration.ofSeconds(10)).until(() -> !channel.of("orrery.cron.c2").isEmpty());
        assertTrue(channel.of("orrery.cron.c2").get(0).get("error").asText().startsWith("HANDLER_MISSING"));
    }

    @Test
    void aJobStillRunningIsSkippedNotRunTwice() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        handlers.put("cmd", (req, ctx) -> {
            seen.add(req);
            release.await(20, TimeUnit.SECONDS);
            return TaskOutcome.succeeded("done");
        });
        scheduler.replace(set("h-1", cmdJob("c3", "* * * * * *")));
        await().atMost(Duration.ofSeconds(10)).until(() -> channel.of("orrery.cron.c3").size() >= 2);
        assertEquals(1, seen.size());
        channel.of("orrery.cron.c3").forEach(r -> assertTrue(r.get("error").asText().startsWith("SKIPPED"), r.toString()));
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> channel.of("orrery.cron.c3").stream()
                .anyMatch(r -> "done".equals(r.get("output").asText())));
    }

    @Test
    void replacingWithFewerJobsStopsTheRemovedOnes() {
        handlers.put("cmd", (req, ctx) -> TaskOutcome.succeeded(""));
        scheduler.replace(set("h-1", cmdJob("a", "* * * * * *"), cmdJob("b", "* * * * * *")));
        assertEquals(2, scheduler.size());
        await().atMost(Duration.ofSeconds(10)).until(() -> !channel.of("orrery.cron.b").isEmpty());
        scheduler.replace(set("h-1", cmdJob("a", "* * * * * *")));
        assertEquals(1, scheduler.size());
        await().pollDelay(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(5)).until(() -> true);
        int b = channel.of("orrery.cron.b").size();
        int a = channel.of("orrery.cron.a").size();
        await().pollDelay(Duration.ofMillis(2200)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertEquals(b, channel.of("orrery.cron.b").size());
        assertTrue(channel.of("orrery.cron.a").size() > a);
    }

    @Test
    void storeJobsCarryTheScriptAndItsDigest() {
        String job = "{\"cronId\":\"s1\",\"schedule\":\"* * * * * *\",\"timezone\":\"UTC\",\"kind\":\"store\","
                + "\"store\":{\"content\":\"echo x\",\"interpreter\":\"/bin/bash\",\"args\":[\"a\",\"b\"]}}";
        CronJob j = set("h", job).jobs().get(0);
        assertEquals("echo x", new String(j.body(), StandardCharsets.UTF_8));
        assertEquals("/bin/bash", j.params().get("interpreter"));
        assertEquals("[\"a\",\"b\"]", j.params().get("args"));
        assertEquals(CronJob.sha256("echo x".getBytes(StandardCharsets.UTF_8)), j.params().get("sha256"));
    }
}
