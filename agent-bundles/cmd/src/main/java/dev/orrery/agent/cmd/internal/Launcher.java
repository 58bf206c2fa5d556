package dev.orrery.agent.cmd.internal;

import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.Environment;
import dev.orrery.api.ErrorCode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a {@link CommandSpec} into a {@link ProcessBuilder}:
 * {@code [setsid] [runuser -u USER --] SHELL -c COMMAND}. {@code setsid} makes the process the
 * leader of a new session, so every descendant can be found and killed later; {@code runuser}
 * switches user when the agent is root. Stateless; thread-safe.
 */
class Launcher {
    private final Path shell;
    private final Optional<Path> setsid;
    private final Optional<Path> runuser;
    private final Accounts accounts;

    /**
     * @param shell the shell
     * @param setsid the {@code setsid} program, if installed
     * @param runuser the {@code runuser} program, if installed
     * @param accounts the user database
     */
    Launcher(Path shell, Optional<Path> setsid, Optional<Path> runuser, Accounts accounts) {
        this.shell = shell;
        this.setsid = setsid;
        this.runuser = runuser;
        this.accounts = accounts;
    }

    /** @return whether processes start as leaders of their own session */
    boolean ownSession() {
        return setsid.isPresent();
    }

    /**
     * @param spec what to run
     * @param req the task (its ids go into the environment)
     * @return a ready builder; stdin is {@code /dev/null}
     * @throws Refused {@code RUN_AS_FAILED} or {@code WORKDIR_INVALID}
     */
    ProcessBuilder build(CommandSpec spec, TaskRequest req) throws Refused {
        Optional<Accounts.Account> target = switchTo(spec.runAs());
        List<String> argv = new ArrayList<>();
        setsid.ifPresent(p -> argv.add(p.toString()));
        target.ifPresent(a -> argv.addAll(List.of(runuser.orElseThrow().toString(), "-u", a.name(), "--")));
        argv.addAll(List.of(shell.toString(), "-c", spec.command()));

        ProcessBuilder pb = new ProcessBuilder(argv).directory(workdir(spec.cwd(), target).toFile());
        pb.environment().putAll(spec.env());
        pb.environment().put(Environment.TASK_ID, req.taskId());
        pb.environment().put(Environment.HOST_ID, req.hostId());
        File devNull = new File("/dev/null");
        if (devNull.exists()) {
            pb.redirectInput(ProcessBuilder.Redirect.from(devNull));
        }
        return pb;
    }

    /** @return the account to switch to, or empty to run as the agent's own user */
    private Optional<Accounts.Account> switchTo(String runAs) throws Refused {
        if (runAs.isEmpty()) {
            return Optional.empty();
        }
        Accounts.Account account;
        try {
            account = accounts.lookup(runAs).orElseThrow(
                    () -> new Refused(ErrorCode.RUN_AS_FAILED, "user '" + runAs + "' does not exist on this host"));
        } catch (IOException e) {
            throw new Refused(ErrorCode.RUN_AS_FAILED, "cannot look up user '" + runAs + "': " + e.getMessage());
        }
        long self = accounts.currentUid();
        if (account.uid() == self) {
            return Optional.empty();
        }
        if (self != 0) {
            throw new Refused(ErrorCode.RUN_AS_FAILED, "the agent does not run as root (uid " + self
                    + "), so it cannot run commands as '" + runAs + "'");
        }
        if (runuser.isEmpty()) {
            throw new Refused(ErrorCode.RUN_AS_FAILED, "runuser is not installed, so commands cannot run as '" + runAs + "'");
        }
        return Optional.of(account);
    }

    private static Path workdir(String cwd, Optional<Accounts.Account> target) throws Refused {
        if (!cwd.isEmpty()) {
            Path dir = Path.of(cwd);
            if (!dir.isAbsolute() || !Files.isDirectory(dir)) {
                throw new Refused(ErrorCode.WORKDIR_INVALID,
                        "working directory '" + cwd + "' is not an absolute path of an existing directory");
            }
            return dir;
        }
        Path home = target.map(Accounts.Account::home).orElse(Path.of(System.getProperty("user.home", "/")));
        return Files.isDirectory(home) ? home : Path.of("/");
    }

    /**
     * @param candidates absolute paths to try in order
     * @return the first executable one
     */
    static Optional<Path> find(String... candidates) {
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
