package dev.orrery.agent.cmd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.agent.api.CancellableContext;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.ErrorCode;
import dev.orrery.guard.CommandGuard;
import dev.orrery.guard.Guard;
import dev.orrery.guard.GuardRules;
import dev.orrery.guard.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cmd handler asks the guard first; a refused command fails with GUARD_REFUSED and nothing is
 * spawned. Only harmless commands are used (a {@code touch} that the guard is told to refuse), so
 * nothing dangerous could run even if the guard failed.
 */
class CmdGuardTest {
    @TempDir
    Path dir;

    private static CmdHandler handler(CommandGuard guard) {
        return new CmdHandler(CommandRunnerTest.settings(1024 * 1024, 60, 300), guard);
    }

    private static boolean spooled(TaskRequest req) {
        return Files.exists(Spool.of(CommandRunnerTest.SPOOL, req.taskId()).dir());
    }

    @Test
    void refusedByAFakeGuardNothingIsSpawned() {
        List<String> asked = new ArrayList<>();
        CommandGuard refuseAll = command -> {
            asked.add(command);
            return Verdict.blocked("fake-rule", "refused for the test");
        };
        Path marker = dir.resolve("marker");
        TaskRequest req = CommandRunnerTest.task("touch " + marker, 30);
        TaskOutcome o = handler(refuseAll).execute(req, new CancellableContext());
        assertEquals(ErrorCode.GUARD_REFUSED, o.error());
        assertTrue(o.errorMessage().contains("fake-rule"), o.errorMessage());
        assertEquals(List.of("touch " + marker), asked);
        assertFalse(Files.exists(marker), "the command ran");
        assertFalse(spooled(req), "a spool was created");
    }

    @Test
    void refusedByTheRealGuardWithAnExtraRule() {
        Guard guard = new Guard(GuardRules.builder().extraRule("no-touch", "^touch ").build());
        Path marker = dir.resolve("marker");
        TaskRequest req = CommandRunnerTest.task("sudo -n touch " + marker, 30);
        TaskOutcome o = handler(guard).execute(req, new CancellableContext());
        assertEquals(ErrorCode.GUARD_REFUSED, o.error());
        assertTrue(o.errorMessage().contains("no-touch"), o.errorMessage());
        assertFalse(Files.exists(marker));
        assertFalse(spooled(req));
    }

    @Test
    void theGuardSeesTheTaskEnvironmentAndFolder() {
        // the handler's guard refuses everything, so nothing here can run whatever the real guard says;
        // the real guard then judges the line the handler asked about
        List<String> asked = new ArrayList<>();
        CommandGuard recorder = command -> {
            asked.add(command);
            return Verdict.blocked("recorded", "never run in a test");
        };
        TaskRequest req = CommandRunnerTest.task("rm -rf $TARGET", 30, "env.TARGET", "/", "cwd", "/tmp/it's");
        TaskOutcome o = handler(recorder).execute(req, new CancellableContext());
        assertEquals(ErrorCode.GUARD_REFUSED, o.error());
        assertEquals("TARGET='/'\ncd '/tmp/it'\\''s'\nrm -rf $TARGET", asked.get(0));
        Verdict real = Guard.withDefaults().check(asked.get(0));
        assertTrue(real.blocked(), "the environment makes it rm -rf /");
        assertEquals("root-destroy", real.rule());
        assertFalse(spooled(req));
    }

    @Test
    void aRuleTheCenterConfirmedPassesAndNoOther() {
        Guard guard = new Guard(GuardRules.builder().extraRule("no-touch", "^touch ").build());
        Path marker = dir.resolve("confirmed");
        TaskOutcome other = handler(guard).execute(CommandRunnerTest.task("touch " + marker, 30, GuardCheck.CONFIRMED_PARAM,
                "power"), new CancellableContext());
        assertEquals(ErrorCode.GUARD_REFUSED, other.error(), "confirming another rule does not help");
        assertTrue(other.errorMessage().contains("confirmed rule power only"), other.errorMessage());
        assertFalse(Files.exists(marker));

        TaskOutcome confirmed = handler(guard).execute(CommandRunnerTest.task("touch " + marker, 30, GuardCheck.CONFIRMED_PARAM,
                "no-touch"), new CancellableContext());
        assertEquals(null, confirmed.error());
        assertTrue(Files.exists(marker), "the confirmed (harmless) command ran");
    }

    @Test
    void anAllowedCommandRuns() {
        TaskOutcome o = handler(Guard.withDefaults()).execute(CommandRunnerTest.task("echo guarded", 30),
                new CancellableContext());
        assertEquals(null, o.error());
        assertEquals("guarded\n", CommandRunnerTest.out(o));
    }
}
