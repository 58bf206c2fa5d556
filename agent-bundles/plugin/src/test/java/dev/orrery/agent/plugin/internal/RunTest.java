package dev.orrery.agent.plugin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.agent.api.CancellableContext;
import dev.orrery.agent.api.Plugin;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** op=run: java plugins called in-process (capture, cap, deadline, cancel, failures), scripts handed to the process runner. */
class RunTest extends PluginFixture {
    private final AtomicReference<Map<String, String>> env = new AtomicReference<>();

    void installJava(Plugin p) {
        bundles.services.put("j", p);
        assertEquals(HostTaskState.SUCCEEDED, exec(install(Jars.java("j", "1.2.3"), "j", "1.2.3", "java")).state());
    }

    @Test
    void aJavaPluginGetsItsArgsAndEnvAndItsOutputIsCapturedAndPublished() throws Exception {
        installJava((args, e, out, ctx) -> {
            env.set(e);
            out.println("args " + args);
            out.print("last");
            return 0;
        });
        TaskOutcome o = exec(task(null, "name", "j", "args", "[\"a b\",\"c\"]", "dataTopic", "disk"));
        assertEquals(HostTaskState.SUCCEEDED, o.state(), o.errorMessage());
        assertEquals("args [a b, c]\nlast", out(o));
        assertEquals(List.of("disk: args [a b, c]", "disk: last"), published);
        Path dir = root.resolve("j/work");
        assertEquals(Map.of("ORRERY_TASK_ID", env.get().get("ORRERY_TASK_ID"), "ORRERY_HOST_ID", "h1", "ORRERY_PLUGIN_NAME", "j",
                "ORRERY_PLUGIN_VERSION", "1.2.3", "ORRERY_PLUGIN_DIR", dir.toString()), env.get());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals(0, bundles.leased.get(), "the service was given back");
    }

    @Test
    void outputPastTheCapIsDroppedAndFlagged() {
        installJava((args, e, out, ctx) -> {
            out.print("x".repeat(100));
            return 0;
        });
        TaskOutcome o = exec(task(null, "op", "run", "name", "j"));
        assertEquals(64, o.stdout().length);
        assertTrue(o.truncated());
    }

    @Test
    void exitCodesAndExceptionsAreReported() {
        installJava((args, e, out, ctx) -> {
            if (args.isEmpty()) {
                return 3;
            }
            throw new IllegalStateException("disk " + args.get(0) + " not found");
        });
        TaskOutcome exit = exec(task(null, "name", "j"));
        assertEquals(ErrorCode.NONZERO_EXIT, exit.error());
        assertEquals(3, exit.exitCode());
        TaskOutcome thrown = exec(task(null, "name", "j", "args", "[\"sdz\"]"));
        assertEquals(ErrorCode.PLUGIN_FAILED, thrown.error());
        assertEquals("j 1.2.3 failed: IllegalStateException: disk sdz not found", thrown.errorMessage());
    }

    @Test
    void aHungPluginIsAbandonedAtItsDeadline() {
        CountDownLatch interrupted = new CountDownLatch(1);
        installJava((args, e, out, ctx) -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException x) {
                interrupted.countDown();
                throw x;
            }
            return 0;
        });
        long start = System.nanoTime();
        TaskOutcome o = exec(timed(1, null, "name", "j"));
        assertEquals(HostTaskState.TIMED_OUT, o.state());
        assertEquals(ErrorCode.TIMED_OUT, o.error());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5000);
        assertTrue(await(interrupted));
    }

    @Test
    void aCancelEndsTheRunAndCancelsThePluginsContext() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch sawCancel = new CountDownLatch(1);
        installJava((args, e, out, ctx) -> {
            ctx.onCancel(sawCancel::countDown);
            running.countDown();
            new CountDownLatch(1).await();
            return 0;
        });
        CancellableContext ctx = new CancellableContext();
        AtomicReference<TaskOutcome> o = new AtomicReference<>();
        Thread t = new Thread(() -> o.set(tasks.execute(task(null, "name", "j"), ctx)));
        t.start();
        assertTrue(await(running));
        ctx.cancel();
        t.join(5000);
        assertEquals(HostTaskState.CANCELLED, o.get().state());
        assertTrue(await(sawCancel));
    }

    @Test
    void missingPluginsAndVersionsArePluginMissing() {
        assertEquals(ErrorCode.PLUGIN_MISSING, exec(task(null, "op", "run", "name", "nope")).error());
        installJava((args, e, out, ctx) -> 0);
        TaskOutcome other = exec(task(null, "name", "j", "version", "2.0.0"));
        assertEquals(ErrorCode.PLUGIN_MISSING, other.error());
        assertEquals("plugin j 2.0.0 is not installed on this host (1.2.3 is)", other.errorMessage());
        assertEquals(HostTaskState.SUCCEEDED, exec(task(null, "name", "j", "version", "1.2.3")).state());
    }

    @Test
    void badRunParametersAreBadTasks() {
        installJava((args, e, out, ctx) -> 0);
        assertEquals(ErrorCode.BAD_TASK, exec(task(null, "name", "j", "args", "{\"a\":1}")).error());
        assertEquals(ErrorCode.BAD_TASK, exec(task(null, "name", "j", "args", "[1]")).error());
        assertEquals(ErrorCode.BAD_TASK, exec(task(null, "name", "j", "dataTopic", "no spaces")).error());
        assertEquals(ErrorCode.BAD_TASK, exec(task(null, "name", "j", "runAs", "nobody")).error());
        assertEquals(ErrorCode.BAD_TASK, exec(task(null, "name", "../j")).error());
    }

    @Test
    void aScriptPluginRunsThroughTheProcessRunnerWithItsShebang() {
        byte[] jar = Jars.script("py", "1.0.0", "#!/usr/bin/env python3\r\nprint('hi')\n");
        assertEquals(HostTaskState.SUCCEEDED, exec(install(jar, "py", "1.0.0", "script")).state());
        TaskOutcome o = exec(task(null, "name", "py", "args", "[\"-v\"]", "dataTopic", "t", "env.X", "1"));
        assertEquals("ran\n", out(o));
        Ran r = ran.get(0);
        Path file = root.resolve("py/1.0.0/run.sh");
        assertEquals(List.of("/usr/bin/env", "python3", file.toString(), "-v"), r.argv());
        assertNull(r.guarded(), "python is not vetted by the shell guard");
        assertEquals(300, r.request().timeoutSeconds());
        Map<String, String> p = r.request().params();
        assertEquals("py", p.get("env.ORRERY_PLUGIN_NAME"));
        assertEquals("1.0.0", p.get("env.ORRERY_PLUGIN_VERSION"));
        assertEquals(root.resolve("py/work").toString(), p.get("env.ORRERY_PLUGIN_DIR"));
        assertEquals("t", p.get("dataTopic"));
        assertEquals("1", p.get("env.X"));
    }

    @Test
    void aShellScriptIsVettedByTheGuard() {
        String script = "echo \"$@\"\n";
        assertEquals(HostTaskState.SUCCEEDED, exec(install(Jars.script("sh", "1.0.0", script), "sh", "1.0.0", "script")).state());
        exec(timed(7, null, "name", "sh"));
        assertEquals(List.of("/bin/sh", root.resolve("sh/1.0.0/run.sh").toString()), ran.get(0).argv());
        assertEquals(script, ran.get(0).guarded());
        assertEquals(7, ran.get(0).request().timeoutSeconds());
    }

    @Test
    void afterARestartOnlyScriptRunsAreResumedByTheRunner() {
        installJava((args, e, out, ctx) -> 0);
        assertEquals(ErrorCode.INTERRUPTED, tasks.resume(task(null, "name", "j"), new CancellableContext()).error());
        assertEquals(ErrorCode.INTERRUPTED, tasks.resume(task(null, "op", "install", "name", "j"), new CancellableContext()).error());
        exec(install(Jars.script("s", "1.0.0", "echo\n"), "s", "1.0.0", "script"));
        assertEquals(HostTaskState.SUCCEEDED, tasks.resume(task(null, "name", "s"), new CancellableContext()).state());
        assertEquals(1, ran.size());
    }

    private static boolean await(CountDownLatch l) {
        try {
            return l.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
