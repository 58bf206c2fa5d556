package dev.orrery.agent.cmd.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orrery.agent.api.CancellableContext;
import dev.orrery.agent.api.DataChannel;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.agent.cmd.run.ProcessRunner;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.guard.Guard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Standard output lines reach the data topic; the offset survives a new tail (agent restart). */
class DataTopicTest {
    /** A fake data channel recording "topic:line". */
    static final class Recorder implements DataChannel {
        final List<String> records = new ArrayList<>();

        @Override
        public synchronized void publish(String topic, byte[] data) {
            records.add(topic + ":" + new String(data, UTF_8));
        }

        synchronized List<String> records() {
            return List.copyOf(records);
        }
    }

    @TempDir
    Path dir;

    @Test
    void eachLineGoesToTheTopicAndTheLastPartialLineAtExit() {
        Recorder rec = new Recorder();
        CmdHandler h = new CmdHandler(CommandRunnerTest.SETTINGS, Guard.withDefaults(), rec);
        TaskRequest req = CommandRunnerTest.task("echo one; sleep 0.3; echo two; printf three", 30, "dataTopic", "metrics.cpu");
        TaskOutcome o = h.execute(req, new CancellableContext());
        assertEquals(HostTaskState.SUCCEEDED, o.state());
        assertEquals("one\ntwo\nthree", new String(o.stdout(), UTF_8));
        assertEquals(List.of("metrics.cpu:one", "metrics.cpu:two", "metrics.cpu:three"), rec.records());
    }

    @Test
    void aResumeAfterTheAgentStoppedPublishesTheRestOnce() throws Exception {
        Recorder rec = new Recorder();
        TaskRequest req = CommandRunnerTest.task("echo one; sleep 1; echo two; printf three", 30, "dataTopic", "t");
        java.util.concurrent.atomic.AtomicReference<TaskOutcome> first = new java.util.concurrent.atomic.AtomicReference<>();
        Thread agent = new Thread(() -> first.set(new CmdHandler(CommandRunnerTest.SETTINGS, Guard.withDefaults(), rec)
                .execute(req, new CancellableContext())));
        agent.start();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> rec.records().size() == 1);
        agent.interrupt(); // the agent stops; the command goes on
        agent.join(10_000);
        assertEquals(ErrorCode.INTERRUPTED, first.get().error());
        TaskOutcome o = new CmdHandler(CommandRunnerTest.SETTINGS, Guard.withDefaults(), rec).resume(req, new CancellableContext());
        assertEquals(HostTaskState.SUCCEEDED, o.state());
        assertEquals(List.of("t:one", "t:two", "t:three"), rec.records());
    }

    @Test
    void anInvalidTopicIsABadTask() {
        CmdHandler h = new CmdHandler(CommandRunnerTest.SETTINGS, Guard.withDefaults(), new Recorder());
        TaskOutcome o = h.execute(CommandRunnerTest.task("echo x", 30, "dataTopic", "no spaces"), new CancellableContext());
        assertEquals(ErrorCode.BAD_TASK, o.error());
    }

    @Test
    void aNewTailContinuesWhereTheLastOneStoppedWithoutDuplicates() throws Exception {
        Spool spool = new Spool(dir);
        Files.writeString(dir.resolve("out"), "a\nb\npart");
        Recorder rec = new Recorder();
        new DataTail(spool, "t", () -> rec).poll();
        assertEquals(List.of("t:a", "t:b"), rec.records());
        Files.writeString(dir.resolve("out"), "a\nb\npartial\nc\r\nd");
        DataTail second = new DataTail(spool, "t", () -> rec); // as after an agent restart
        second.poll();
        second.finish(true);
        assertEquals(List.of("t:a", "t:b", "t:partial", "t:c", "t:d"), rec.records());
    }

    @Test
    void anEndlessLineIsPublishedInPiecesOfTheRecordSize() throws Exception {
        Files.writeString(dir.resolve("out"), "x".repeat(DataChannel.MAX_RECORD_BYTES + 10));
        Recorder rec = new Recorder();
        new DataTail(new Spool(dir), "t", () -> rec).poll();
        assertEquals(1, rec.records().size());
        new DataTail(new Spool(dir), "t", () -> rec).finish(true);
        assertEquals(2, rec.records().size());
        assertEquals(DataChannel.MAX_RECORD_BYTES + 2, rec.records().get(0).length());
    }

    @Test
    void theSharedRunnerRunsAProgramWithArgumentsAndVetsShellText() throws Exception {
        Recorder rec = new Recorder();
        ProcessRunner r = new ProcessRunnerComponent(CommandRunnerTest.SETTINGS, Guard.withDefaults(), rec);
        Path script = dir.resolve("s.sh");
        Files.writeString(script, "echo \"$1-$2\"\nexit 3\n");
        TaskRequest req = new TaskRequest("p-" + UUID.randomUUID(), "h1", "store", Map.of("dataTopic", "x"), null, 30);
        TaskOutcome o = r.run(List.of("/bin/sh", script.toString(), "a", "b c"), Files.readString(script), req, new CancellableContext());
        assertEquals(3, o.exitCode());
        assertEquals(ErrorCode.NONZERO_EXIT, o.error());
        assertEquals("a-b c\n", new String(o.stdout(), UTF_8));
        assertEquals(List.of("x:a-b c"), rec.records());
        assertEquals(true, r.started(req.taskId()));
        r.release(req.taskId());
        assertEquals(false, r.started(req.taskId()));

        TaskRequest bad = new TaskRequest("p-" + UUID.randomUUID(), "h1", "store", Map.of(), null, 30);
        TaskOutcome refused = r.run(List.of("/bin/sh", script.toString()), "rm -rf /", bad, new CancellableContext());
        assertEquals(ErrorCode.GUARD_REFUSED, refused.error());
        assertEquals(false, r.started(bad.taskId()));
    }
}
