package dev.orrery.agent.cmd.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.agent.api.CancellableContext;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerTest {
    /** One spool root for every test of the module (task ids are unique), under target/. */
    static final Path SPOOL = Path.of("target", "test-spool").toAbsolutePath();
    static final CmdSettings SETTINGS = settings(1024 * 1024, 60, 500);

    static CmdSettings settings(int maxOutputBytes, int defaultTimeoutSeconds, long graceMillis) {
        return new CmdSettings(Path.of("/bin/sh"), maxOutputBytes, defaultTimeoutSeconds, graceMillis, SPOOL, 24);
    }

    @TempDir
    Path dir;

    static CommandRunner runner(CmdSettings settings) {
        return new CommandRunner(settings, new Launcher(settings.shell(), Launcher.find("/usr/bin/setsid", "/bin/setsid"),
                Launcher.find("/usr/sbin/runuser", "/sbin/runuser"), new Accounts()), () -> null);
    }

    static TaskRequest task(String command, int timeoutSeconds, String... params) {
        Map<String, String> p = new HashMap<>();
        if (command != null) {
            p.put("command", command);
        }
        for (int i = 0; i < params.length; i += 2) {
            p.put(params[i], params[i + 1]);
        }
        return new TaskRequest("t1-" + UUID.randomUUID(), "h1", "cmd", p, null, timeoutSeconds);
    }

    static TaskOutcome run(String command, String... params) {
        return runner(SETTINGS).run(task(command, 30, params), new CancellableContext());
    }

    static String out(TaskOutcome o) {
        return new String(o.stdout(), UTF_8);
    }

    @Test
    void echoSucceeds() {
        TaskOutcome o = run("echo hello");
        assertEquals(HostTaskState.SUCCEEDED, o.state());
        assertEquals(0, o.exitCode());
        assertEquals("hello\n", out(o));
        assertFalse(o.truncated());
        assertNull(o.error());
    }

    @Test
    void nonZeroExitFailsWithItsCode() {
        TaskOutcome o = run("echo partial; exit 3");
        assertEquals(HostTaskState.FAILED, o.state());
        assertEquals(3, o.exitCode());
        assertEquals(ErrorCode.NONZERO_EXIT, o.error());
        assertEquals("partial\n", out(o));
    }

    @Test
    void stderrIsCapturedSeparately() {
        TaskOutcome o = run("echo out; echo oops >&2");
        assertEquals("out\n", out(o));
        assertEquals("oops\n", new String(o.stderr(), UTF_8));
    }

    @Test
    void environmentCarriesTaskIdsAndExtraVariables() {
        TaskRequest req = task("printf '%s %s %s %s' \"$FOO\" \"$ORRERY_TASK_ID\" \"$ORRERY_HOST_ID\" \"$BAR_2\"", 30,
                "env.FOO", "bar baz", "env.BAR_2", "x", "env.ORRERY_TASK_ID", "forged");
        TaskOutcome o = runner(SETTINGS).run(req, new CancellableContext());
        assertEquals("bar baz " + req.taskId() + " h1 x", out(o));
    }

    @Test
    void stdinIsEmpty() {
        TaskOutcome o = run("cat; echo done");
        assertEquals(HostTaskState.SUCCEEDED, o.state());
        assertEquals("done\n", out(o));
    }

    @Test
    void workingDirectoryIsUsed() throws Exception {
        TaskOutcome o = run("pwd", "cwd", dir.toString());
        assertEquals(dir.toRealPath() + "\n", out(o));
    }

    @Test
    void badWorkingDirectoryIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        for (String cwd : new String[] {dir.resolve("missing").toString(), "relative/dir", file.toString()}) {
            TaskOutcome o = run("touch should-not-exist", "cwd", cwd);
            assertEquals(HostTaskState.FAILED, o.state(), cwd);
            assertEquals(ErrorCode.WORKDIR_INVALID, o.error(), cwd);
            assertTrue(o.errorMessage().contains(cwd), o.errorMessage());
        }
        assertFalse(Files.exists(dir.resolve("missing")));
    }

    @Test
    void missingCommandOrBadVariableIsABadTask() {
        assertEquals(ErrorCode.BAD_TASK, run(null).error());
        assertEquals(ErrorCode.BAD_TASK, run("  ").error());
        assertEquals(ErrorCode.BAD_TASK, run("true", "env.1BAD", "x").error());
        assertEquals(ErrorCode.BAD_TASK, run("true", "env.", "x").error());
    }

    @Test
    void outputIsCappedPerStreamAndFlagged() {
        TaskOutcome o = run("head -c 3000000 /dev/zero; echo small >&2");
        assertEquals(HostTaskState.SUCCEEDED, o.state());
        assertEquals(1024 * 1024, o.stdout().length);
        assertEquals("small\n", new String(o.stderr(), UTF_8));
        assertTrue(o.truncated());

        CmdSettings tiny = settings(10, 60, 500);
        TaskOutcome e = runner(tiny).run(task("echo 0123456789abcdef >&2; echo ok", 30), new CancellableContext());
        assertEquals("0123456789", new String(e.stderr(), UTF_8));
        assertEquals("ok\n", out(e));
        assertTrue(e.truncated());
    }

    @Test
    void anUnwritableSpoolIsASpawnFailure() throws Exception {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        CmdSettings bad = new CmdSettings(Path.of("/bin/sh"), 1024, 60, 500, notADir.resolve("spool"), 24);
        TaskOutcome o = runner(bad).run(task("touch " + dir.resolve("ran"), 5), new CancellableContext());
        assertEquals(HostTaskState.FAILED, o.state());
        assertEquals(ErrorCode.SPAWN_FAILED, o.error());
        assertFalse(Files.exists(dir.resolve("ran")));
    }

    @Test
    void defaultTimeoutAppliesWhenTheTaskNamesNone() {
        CmdSettings quick = settings(1024, 1, 200);
        TaskOutcome o = runner(quick).run(task("sleep 30", 0), new CancellableContext());
        assertEquals(HostTaskState.TIMED_OUT, o.state());
    }

    @Test
    void settingsAreValidated() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new CmdSettings(Path.of("sh"), 1, 1, 0, SPOOL, 24));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new CmdSettings(Path.of("/nonexistent/sh"), 1, 1, 0, SPOOL, 24));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new CmdSettings(Path.of("/bin/sh"), 0, 1, 0, SPOOL, 24));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new CmdSettings(Path.of("/bin/sh"), 1, 0, 0, SPOOL, 24));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new CmdSettings(Path.of("/bin/sh"), 1, 1, -1, SPOOL, 24));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new CmdSettings(Path.of("/bin/sh"), 1, 1, 0, Path.of("relative"), 24));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new CmdSettings(Path.of("/bin/sh"), 1, 1, 0, SPOOL, 0));
    }

    static boolean alive(Path pidFile) throws Exception {
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static void awaitFile(Path file) {
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(file) && !Files.readString(file).isBlank());
    }
}
