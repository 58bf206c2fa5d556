package dev.orrery.agent.cmd.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.agent.api.CancellableContext;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command outlives the handler (the agent's JVM) that started it; a new handler re-attaches. */
class CmdResumeTest {
    @TempDir
    Path dir;

    private static CmdHandler handler() {
        return new CmdHandler(CommandRunnerTest.settings(1024 * 1024, 60, 300), dev.orrery.guard.Guard.withDefaults());
    }

    /** What a killed agent leaves behind: the wrapper started, and nobody waiting for it. */
    private static void startOrphan(TaskRequest req, long deadline) throws Exception {
        Spool spool = Spool.of(CommandRunnerTest.SPOOL, req.taskId());
        spool.create(deadline);
        Launcher l = new Launcher(Path.of("/bin/sh"), Launcher.find("/usr/bin/setsid", "/bin/setsid"),
                java.util.Optional.empty(), new Accounts());
        l.build(CommandSpec.parse(req), req, spool.dir()).start();
        await().atMost(Duration.ofSeconds(5)).until(() -> spool.pid().isPresent());
    }

    private String tree() {
        return "sleep 1000 & echo $! > " + dir.resolve("child") + "; "
                + "sh -c 'sleep 1000 & echo $! > " + dir.resolve("grandchild") + "; wait' & "
                + "echo started; wait";
    }

    @AfterEach
    void killLeftovers() throws Exception {
        for (String f : new String[] {"child", "grandchild"}) {
            Path file = dir.resolve(f);
            if (Files.exists(file) && !Files.readString(file).isBlank()) {
                ProcessHandle.of(Long.parseLong(Files.readString(file).trim()))
                        .filter(h -> h.info().command().orElse("").endsWith("sleep"))
                        .ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private void awaitTreeUpAndGone(Runnable action) {
        CommandRunnerTest.awaitFile(dir.resolve("child"));
        CommandRunnerTest.awaitFile(dir.resolve("grandchild"));
        action.run();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertFalse(CommandRunnerTest.alive(dir.resolve("child")), "child still alive");
            assertFalse(CommandRunnerTest.alive(dir.resolve("grandchild")), "grandchild still alive");
        });
    }

    @Test
    void releaseDeletesTheSpoolOnceTheResultIsStored() {
        TaskRequest req = CommandRunnerTest.task("echo kept", 30);
        CmdHandler h = handler();
        assertEquals(0, h.execute(req, new CancellableContext()).exitCode());
        Spool spool = Spool.of(CommandRunnerTest.SPOOL, req.taskId());
        assertTrue(Files.isDirectory(spool.dir()), "the spool is kept until the center stored the result");
        h.release(req);
        assertFalse(Files.exists(spool.dir()), "released: the spool is gone");
    }

    @Test
    void aNewHandlerReattachesAndTheCommandRunsOnce() throws Exception {
        Path file = dir.resolve("file");
        TaskRequest req = CommandRunnerTest.task("sleep 2; echo x >> " + file + "; echo done; exit 3", 30);
        CompletableFuture<TaskOutcome> first = CompletableFuture.supplyAsync(() -> handler().execute(req, new CancellableContext()));
        await().atMost(Duration.ofSeconds(5)).until(() -> Spool.of(CommandRunnerTest.SPOOL, req.taskId()).pid().isPresent());

        TaskOutcome resumed = handler().resume(req, new CancellableContext());
        assertEquals(HostTaskState.FAILED, resumed.state());
        assertEquals(3, resumed.exitCode());
        assertEquals(ErrorCode.NONZERO_EXIT, resumed.error());
        assertEquals("done\n", new String(resumed.stdout(), UTF_8));
        // a duplicate execute re-attaches too: it never starts the command again
        TaskOutcome again = handler().execute(req, new CancellableContext());
        assertEquals(3, again.exitCode());
        assertEquals(3, first.get().exitCode());
        assertEquals(List.of("x"), Files.readAllLines(file));
    }

    @Test
    void anInterruptedWaitLeavesTheCommandRunningForTheNextHandler() throws Exception {
        Path file = dir.resolve("file");
        TaskRequest req = CommandRunnerTest.task("sleep 1; echo x >> " + file + "; echo done", 30);
        CompletableFuture<TaskOutcome> first = new CompletableFuture<>();
        Thread worker = new Thread(() -> first.complete(handler().execute(req, new CancellableContext())));
        worker.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> Spool.of(CommandRunnerTest.SPOOL, req.taskId()).pid().isPresent());
        worker.interrupt(); // the agent stops: its workers are interrupted
        assertEquals(ErrorCode.INTERRUPTED, first.get().error());
        TaskOutcome resumed = handler().resume(req, new CancellableContext());
        assertEquals(HostTaskState.SUCCEEDED, resumed.state());
        assertEquals("done\n", new String(resumed.stdout(), UTF_8));
        assertEquals(List.of("x"), Files.readAllLines(file));
    }

    @Test
    void theDeadlineSurvivesAResume() throws Exception {
        TaskRequest req = CommandRunnerTest.task("sleep 1000", 60);
        startOrphan(req, System.currentTimeMillis() + 1500);
        long t0 = System.nanoTime();
        TaskOutcome o = handler().resume(req, new CancellableContext());
        assertEquals(HostTaskState.TIMED_OUT, o.state());
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toSeconds() < 10, "the absolute deadline, not 60 s");
    }

    @Test
    void timeoutAfterAResumeKillsTheTree() throws Exception {
        TaskRequest req = CommandRunnerTest.task(tree(), 60);
        startOrphan(req, System.currentTimeMillis() + 3000);
        CompletableFuture<TaskOutcome> f = CompletableFuture.supplyAsync(() -> handler().resume(req, new CancellableContext()));
        awaitTreeUpAndGone(() -> assertEquals(HostTaskState.TIMED_OUT, f.join().state()));
        assertEquals("started\n", new String(f.join().stdout(), UTF_8));
    }

    @Test
    void cancelAfterAResumeKillsTheTree() throws Exception {
        TaskRequest req = CommandRunnerTest.task(tree(), 60);
        startOrphan(req, System.currentTimeMillis() + 60_000);
        CancellableContext ctx = new CancellableContext();
        CompletableFuture<TaskOutcome> f = CompletableFuture.supplyAsync(() -> handler().resume(req, ctx));
        awaitTreeUpAndGone(() -> {
            ctx.cancel();
            assertEquals(HostTaskState.CANCELLED, f.join().state());
        });
    }

    @Test
    void aTaskThatNeverStartedRunsOnResume() throws Exception {
        Path file = dir.resolve("late");
        TaskRequest req = CommandRunnerTest.task("echo late >> " + file + "; echo once", 30);
        TaskOutcome o = handler().resume(req, new CancellableContext());
        assertEquals(HostTaskState.SUCCEEDED, o.state());
        assertEquals("once\n", new String(o.stdout(), UTF_8));
        // and a second resume re-attaches to what the first one started: it does not run again
        assertEquals(0, handler().resume(req, new CancellableContext()).exitCode());
        assertEquals(List.of("late"), Files.readAllLines(file));
    }

    @Test
    void aCommandKilledFromOutsideIsInterrupted() throws Exception {
        TaskRequest req = CommandRunnerTest.task("sleep 1000", 60);
        startOrphan(req, System.currentTimeMillis() + 60_000);
        Spool spool = Spool.of(CommandRunnerTest.SPOOL, req.taskId());
        ProcessTree.kill(ProcessHandle.of(spool.pid().getAsLong()).orElseThrow(), true, 0);
        TaskOutcome o = handler().resume(req, new CancellableContext());
        assertEquals(ErrorCode.INTERRUPTED, o.error());
    }

    @Test
    void oldSpoolsArePruned() throws Exception {
        Path root = dir.resolve("spool");
        Spool old = Spool.of(root, "old");
        old.create(System.currentTimeMillis() - 3 * 3_600_000L);
        Spool fresh = Spool.of(root, "fresh");
        fresh.create(System.currentTimeMillis());
        assertEquals(1, SpoolPruner.prune(root, 3_600_000L, System.currentTimeMillis()));
        assertFalse(Files.exists(old.dir()));
        assertTrue(Files.exists(fresh.dir()));
        assertEquals(root.resolve("_..x"), Spool.of(root, "..x").dir());
        assertEquals(root.resolve("a_b"), Spool.of(root, "a/b").dir());
    }
}
