package dev.orrery.agent.cmd.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.agent.api.CancellableContext;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timeout and cancel kill the whole tree: children, grandchildren and re-parented orphans. */
class ProcessTreeTest {
    @TempDir
    Path dir;

    /** A child, a grandchild, and an orphan whose parent exited at once; each writes its pid. */
    private String tree() {
        return "sleep 1000 & echo $! > " + dir.resolve("child") + "; "
                + "sh -c 'sleep 1000 & echo $! > " + dir.resolve("grandchild") + "; wait' & "
                + "(sleep 1000 & echo $! > " + dir.resolve("orphan") + ") ; "
                + "echo started; wait";
    }

    /** Whatever happens in a test, no process it started outlives it. */
    @AfterEach
    void killLeftovers() throws Exception {
        for (String f : new String[] {"child", "grandchild", "orphan"}) {
            Path file = dir.resolve(f);
            if (Files.exists(file) && !Files.readString(file).isBlank()) {
                ProcessHandle.of(Long.parseLong(Files.readString(file).trim()))
                        .filter(h -> h.info().command().orElse("").endsWith("sleep")) // not a reused pid
                        .ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private void assertTreeGone() {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (String f : new String[] {"child", "grandchild", "orphan"}) {
                assertFalse(CommandRunnerTest.alive(dir.resolve(f)), f + " still alive");
            }
        });
    }

    @Test
    void timeoutKillsTheWholeTree() throws Exception {
        long t0 = System.nanoTime();
        TaskOutcome o = CommandRunnerTest.runner(CommandRunnerTest.SETTINGS)
                .run(CommandRunnerTest.task(tree(), 2), new CancellableContext());
        assertEquals(HostTaskState.TIMED_OUT, o.state());
        assertEquals(ErrorCode.TIMED_OUT, o.error());
        assertEquals("started\n", CommandRunnerTest.out(o));
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toSeconds() < 10);
        assertTreeGone();
    }

    @Test
    void cancelKillsTheWholeTree() throws Exception {
        CancellableContext ctx = new CancellableContext();
        CompletableFuture<TaskOutcome> f = CompletableFuture.supplyAsync(() -> CommandRunnerTest
                .runner(CommandRunnerTest.SETTINGS).run(CommandRunnerTest.task(tree(), 60), ctx));
        CommandRunnerTest.awaitFile(dir.resolve("orphan"));
        CommandRunnerTest.awaitFile(dir.resolve("grandchild"));
        CommandRunnerTest.awaitFile(dir.resolve("child"));
        assertTrue(CommandRunnerTest.alive(dir.resolve("orphan")));
        ctx.cancel();
        TaskOutcome o = f.get();
        assertEquals(HostTaskState.CANCELLED, o.state());
        assertEquals(ErrorCode.CANCELLED, o.error());
        assertTreeGone();
    }

    @Test
    void cancelledBeforeStartRunsNothing() {
        CancellableContext ctx = new CancellableContext();
        ctx.cancel();
        TaskOutcome o = CommandRunnerTest.runner(CommandRunnerTest.SETTINGS)
                .run(CommandRunnerTest.task("touch " + dir.resolve("ran"), 10), ctx);
        assertEquals(HostTaskState.CANCELLED, o.state());
        assertFalse(dir.resolve("ran").toFile().exists());
    }

    @Test
    void membersNeverIncludeThisJvm() {
        assertTrue(ProcessTree.members(ProcessHandle.current(), true).isEmpty());
    }
}
