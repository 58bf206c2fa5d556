package dev.orrery.agent.cron.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.agent.api.CancellableContext;
import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskHandler;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CronCapabilityTest {
    private static final TaskContext NONE = new CancellableContext();

    @TempDir
    Path dir;

    private CronConfig config() {
        return new CronConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CronConfig.class;
            }

            @Override
            public String folder() {
                return dir.toString();
            }

            @Override
            public int maxConcurrent() {
                return 2;
            }

            @Override
            public int maxOutputBytes() {
                return 8;
            }
        };
    }

    private static TaskRequest sync(String body) {
        return new TaskRequest("t-1", "h-9", "cron", Map.of("op", "sync"), body.getBytes(StandardCharsets.UTF_8), 30);
    }

    @Test
    void syncKeepsTheSetOnDiskReportsItAndAnotherStartRunsIt() throws Exception {
        CronCapability cron = new CronCapability(config());
        assertEquals("{\"digest\":\"\",\"jobs\":0}", cron.json());
        String body = "{\"digest\":\"abc\",\"jobs\":[" + CronSchedulerTest.cmdJob("j1", "* * * * * *") + "]}";
        TaskOutcome o = cron.execute(sync(body), NONE);
        assertEquals(HostTaskState.SUCCEEDED, o.state());
        assertTrue(Files.exists(dir.resolve("jobs.json")));
        assertEquals("{\"digest\":\"abc\",\"jobs\":1}", cron.json());
        cron.deactivate();

        CronCapability again = new CronCapability(config());
        FakeChannel channel = new FakeChannel();
        again.setData(channel);
        TaskHandler cmd = (req, ctx) -> TaskOutcome.succeeded("0123456789");
        again.addHandler(cmd, Map.of(TaskHandler.TYPE, "cmd"));
        try {
            assertEquals("{\"digest\":\"abc\",\"jobs\":1}", again.json());
            await().atMost(Duration.ofSeconds(10)).until(() -> !channel.of("orrery.cron.j1").isEmpty());
            assertEquals("01234567", channel.of("orrery.cron.j1").get(0).get("output").asText()); // cut at 8 bytes
        } finally {
            again.deactivate();
        }
    }

    @Test
    void refusesUnknownOpsAndBadBodiesKeepingTheOldSet() throws Exception {
        CronCapability cron = new CronCapability(config());
        try {
            TaskOutcome op = cron.execute(new TaskRequest("t", "h", "cron", Map.of("op", "purge"), null, 0), NONE);
            assertEquals(ErrorCode.BAD_TASK, op.error());
            TaskOutcome bad = cron.execute(sync("{\"digest\":\"x\",\"jobs\":[" + CronSchedulerTest.cmdJob("j", "* * *") + "]}"), NONE);
            assertEquals(ErrorCode.BAD_TASK, bad.error());
            assertTrue(bad.errorMessage().contains("six"), bad.errorMessage());
            assertEquals(ErrorCode.BAD_TASK, cron.execute(sync("not json"), NONE).error());
            assertEquals("{\"digest\":\"\",\"jobs\":0}", cron.json());
            assertTrue(Files.notExists(dir.resolve("jobs.json")));
        } finally {
            cron.deactivate();
        }
    }

    @Test
    void anEmptySetStopsEveryJob() throws Exception {
        CronCapability cron = new CronCapability(config());
        try {
            cron.execute(sync("{\"digest\":\"a\",\"jobs\":[" + CronSchedulerTest.cmdJob("j", "* * * * * *") + "]}"), NONE);
            cron.execute(sync("{\"digest\":\"e\",\"jobs\":[]}"), NONE);
            assertEquals("{\"digest\":\"e\",\"jobs\":0}", cron.json());
        } finally {
            cron.deactivate();
        }
    }
}
