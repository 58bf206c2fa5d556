package dev.orrery.agent.cmd.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orrery.agent.api.CancellableContext;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunAsTest {
    private static final Accounts ACCOUNTS = new Accounts();

    @Test
    void unknownUserFails() {
        TaskOutcome o = CommandRunnerTest.run("echo never", "runAs", "orrery-no-such-user-42");
        assertEquals(HostTaskState.FAILED, o.state());
        assertEquals(ErrorCode.RUN_AS_FAILED, o.error());
        assertTrue(o.errorMessage().contains("orrery-no-such-user-42"), o.errorMessage());
    }

    @Test
    void malformedUserNameFails() {
        assertEquals(ErrorCode.RUN_AS_FAILED, CommandRunnerTest.run("true", "runAs", "bad user;rm").error());
    }

    @Test
    void nonRootAgentCannotSwitchUser() {
        Accounts notRoot = new Accounts() {
            @Override
            long currentUid() {
                return 4242;
            }

            @Override
            Optional<Account> lookup(String name) {
                return Optional.of(new Account(name, 0, Path.of("/")));
            }
        };
        CommandRunner r = new CommandRunner(CommandRunnerTest.SETTINGS,
                new Launcher(Path.of("/bin/sh"), Optional.empty(), Optional.of(Path.of("/usr/sbin/runuser")), notRoot), () -> null);
        TaskOutcome o = r.run(CommandRunnerTest.task("true", 5, "runAs", "root"), new CancellableContext());
        assertEquals(ErrorCode.RUN_AS_FAILED, o.error());
        assertTrue(o.errorMessage().contains("root"), o.errorMessage());
    }

    @Test
    void ownUserNeedsNoSwitch() throws IOException {
        String self = ACCOUNTS.lookup(Long.toString(ACCOUNTS.currentUid())).map(Accounts.Account::name).orElse(null);
        assumeTrue(self != null);
        TaskOutcome o = CommandRunnerTest.run("id -u", "runAs", self);
        assertEquals(HostTaskState.SUCCEEDED, o.state());
        assertEquals(ACCOUNTS.currentUid() + "\n", CommandRunnerTest.out(o));
    }

    @Test
    void rootRunsAsAnotherUser() {
        assumeTrue(ACCOUNTS.currentUid() == 0, "needs root");
        assumeTrue(Launcher.find("/usr/sbin/runuser", "/sbin/runuser").isPresent(), "needs runuser");
        var req = CommandRunnerTest.task("id -un; echo $ORRERY_TASK_ID", 30, "runAs", "nobody", "cwd", "/");
        TaskOutcome o = CommandRunnerTest.runner(CommandRunnerTest.SETTINGS).run(req, new CancellableContext());
        assertEquals(HostTaskState.SUCCEEDED, o.state(), new String(o.stderr()));
        assertEquals("nobody\n" + req.taskId() + "\n", CommandRunnerTest.out(o));
    }

    @Test
    void timeoutKillsTheTreeOfAnotherUser() {
        assumeTrue(ACCOUNTS.currentUid() == 0, "needs root");
        assumeTrue(Launcher.find("/usr/sbin/runuser", "/sbin/runuser").isPresent(), "needs runuser");
        TaskOutcome o = CommandRunnerTest.runner(CommandRunnerTest.SETTINGS)
                .run(CommandRunnerTest.task("sleep 1000 & echo $!; wait", 1, "runAs", "nobody", "cwd", "/"), new CancellableContext());
        assertEquals(HostTaskState.TIMED_OUT, o.state());
        long pid = Long.parseLong(CommandRunnerTest.out(o).trim());
        try {
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
        } finally {
            ProcessHandle.of(pid).filter(h -> h.info().command().orElse("").endsWith("sleep"))
                    .ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
