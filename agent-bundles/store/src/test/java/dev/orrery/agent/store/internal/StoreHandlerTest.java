package dev.orrery.agent.store.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.agent.cmd.internal.CmdConfig;
import dev.orrery.agent.cmd.internal.ProcessRunnerComponent;
import dev.orrery.agent.cmd.run.ProcessRunner;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.guard.Guard;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes through the real cmd runner: harmless scripts only. */
class StoreHandlerTest {
    static final Path SPOOL = Path.of("target", "test-spool").toAbsolutePath();

    @TempDir
    Path scripts;

    /** A context that is never cancelled. */
    static final TaskContext CTX = new TaskContext() {
        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void onCancel(Runnable action) {
            // never cancelled
        }
    };

    static ProcessRunner runner() {
        return new ProcessRunnerComponent(new CmdConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CmdConfig.class;
            }

            @Override
            public String shell() {
                return "/bin/sh";
            }

            @Override
            public int maxOutputBytes() {
                return 1 << 20;
            }

            @Override
            public int defaultTimeoutSeconds() {
                return 60;
            }

            @Override
            public long killGraceMillis() {
                return 300;
            }

            @Override
            public String spoolDir() {
                return SPOOL.toString();
            }

            @Override
            public int spoolRetentionHours() {
                return 24;
            }
        }, Guard.withDefaults());
    }

    StoreHandler handler(int maxBytes) {
        return new StoreHandler(new StoreSettings(maxBytes, scripts, "/bin/sh", Set.of("sh", "bash")), runner());
    }

    static TaskRequest task(String script, String... params) {
        Map<String, String> p = new HashMap<>();
        p.put("sha256", StoreTask.sha256(script.getBytes(UTF_8)));
        for (int i = 0; i < params.length; i += 2) {
            p.put(params[i], params[i + 1]);
        }
        return new TaskRequest("s-" + UUID.randomUUID(), "h1", "store", p, script.getBytes(UTF_8), 30);
    }

    boolean noScriptLeft() throws Exception {
        try (Stream<Path> s = Files.list(scripts)) {
            return s.findAny().isEmpty();
        }
    }

    @Test
    void runsTheScriptWithItsArgumentsAndDeletesIt() throws Exception {
        TaskOutcome o = handler(1024).execute(task("echo \"$0\" | grep -c /script; echo \"$1|$2\"", "args", "[\"a b\",\"c\"]"), CTX);
        assertEquals(HostTaskState.SUCCEEDED, o.state(), o.errorMessage());
        assertEquals("1\na b|c\n", new String(o.stdout(), UTF_8));
        assertNull(o.error());
        assertTrue(noScriptLeft());
    }

    @Test
    void theScriptAndItsFolderAreTheAgentsOnly() throws Exception {
        TaskOutcome o = handler(1024).execute(task("stat -c %a \"$0\" \"$(dirname \"$0\")\" \"$(dirname \"$(dirname \"$0\")\")\""), CTX);
        assertEquals("700\n700\n711\n", new String(o.stdout(), UTF_8), o.errorMessage());
    }

    @Test
    void oldFoldersLeftByADeadAgentAreSwept() throws Exception {
        ScriptFiles files = new ScriptFiles(scripts);
        files.write("old", "echo".getBytes(UTF_8), "");
        files.write("new", "echo".getBytes(UTF_8), "");
        Files.setLastModifiedTime(files.folder("old"), java.nio.file.attribute.FileTime.fromMillis(0));
        assertEquals(1, files.sweep(StoreHandler.SWEEP_AGE_MILLIS, System.currentTimeMillis()));
        assertFalse(Files.exists(files.folder("old")));
        assertTrue(Files.exists(files.folder("new").resolve("script")));
    }

    @Test
    void aNonZeroExitIsReportedWithItsCode() throws Exception {
        TaskOutcome o = handler(1024).execute(task("echo partial; exit 3"), CTX);
        assertEquals(3, o.exitCode());
        assertEquals(ErrorCode.NONZERO_EXIT, o.error());
        assertTrue(noScriptLeft());
    }

    @Test
    void aWrongDigestIsRefusedBeforeAnythingIsWritten() throws Exception {
        TaskRequest good = task("echo hi");
        Map<String, String> p = new HashMap<>(good.params());
        p.put("sha256", StoreTask.sha256("echo bye".getBytes(UTF_8)));
        TaskRequest bad = new TaskRequest(good.taskId(), "h1", "store", p, good.body(), 30);
        assertEquals(ErrorCode.DIGEST_MISMATCH, handler(1024).execute(bad, CTX).error());
        p.remove("sha256");
        TaskRequest none = new TaskRequest(good.taskId(), "h1", "store", p, good.body(), 30);
        assertEquals(ErrorCode.BAD_TASK, handler(1024).execute(none, CTX).error());
        assertTrue(noScriptLeft());
    }

    @Test
    void tooLargeOrMalformedTasksAreBadTasks() {
        assertEquals(ErrorCode.BAD_TASK, handler(8).execute(task("echo 123456789"), CTX).error());
        assertEquals(ErrorCode.BAD_TASK, handler(1024).execute(task("echo x", "args", "{\"a\":1}"), CTX).error());
        assertEquals(ErrorCode.BAD_TASK, handler(1024).execute(task("echo x", "interpreter", "sh"), CTX).error());
        assertEquals(ErrorCode.SPAWN_FAILED, handler(1024).execute(task("echo x", "interpreter", "/nonexistent/sh"), CTX).error());
    }

    @Test
    void theGuardVetsShellScripts() throws Exception {
        TaskOutcome o = handler(1024).execute(task("echo start\nrm -rf /\n"), CTX);
        assertEquals(ErrorCode.GUARD_REFUSED, o.error());
        assertTrue(noScriptLeft());
    }

    @Test
    void aScriptOutlivesAStoppingAgentAndTheResumeDeletesIt() throws Exception {
        TaskRequest req = task("sleep 1; echo done");
        AtomicReference<TaskOutcome> first = new AtomicReference<>();
        Thread t = new Thread(() -> first.set(handler(1024).execute(req, CTX)));
        t.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(SPOOL.resolve(req.taskId()).resolve("pid")));
        t.interrupt(); // the agent stops: the script goes on
        t.join(10_000);
        assertEquals(ErrorCode.INTERRUPTED, first.get().error());
        assertFalse(noScriptLeft());

        TaskOutcome resumed = handler(1024).resume(req, CTX); // a new agent JVM
        assertEquals(HostTaskState.SUCCEEDED, resumed.state(), resumed.errorMessage());
        assertEquals("done\n", new String(resumed.stdout(), UTF_8));
        assertTrue(noScriptLeft());
    }

    @Test
    void aResumeOfAScriptThatNeverStartedRunsIt() throws Exception {
        TaskOutcome o = handler(1024).resume(task("echo late"), CTX);
        assertEquals("late\n", new String(o.stdout(), UTF_8));
        assertTrue(noScriptLeft());
    }
}
