package dev.orrery.agent.cmd.internal;

import dev.orrery.agent.api.TaskRefused;
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
 * Turns a {@link CommandSpec} into a {@link ProcessBuilder} of a detached wrapper around
 * {@code [runuser -u USER --] SHELL -c COMMAND}, started through {@code setsid}. {@code setsid} makes the process the
 * leader of a new session, so every descendant can be found and killed later; {@code runuser}
 * switches user when the agent is root. Stateless; thread-safe.
 */
class Launcher {
    /** The shell that runs the wrapper (not the configured shell: the wrapper needs a POSIX sh). */
    static final String WRAPPER_SHELL = "/bin/sh";
    /** $1 is the spool; the rest is the command's argv. Exit 125: the pid could not be recorded, nothing ran. */
    static final String WRAPPER = "d=$1; shift; "
            + "echo $$ > \"$d/pid.tmp\" && mv -f \"$d/pid.tmp\" \"$d/pid\" || exit 125; "
            + "\"$@\" < /dev/null > \"$d/out\" 2> \"$d/err\"; "
            + "echo $? > \"$d/status.tmp\" && mv -f \"$d/status.tmp\" \"$d/status\"";
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
     * Builds the detached form: {@code [setsid] /bin/sh -c WRAPPER orrery-cmd SPOOL [runuser -u USER --] SHELL -c
     * COMMAND} (or the spec's program argv instead of {@code SHELL -c COMMAND}). The wrapper, running as the agent's user, records its pid, runs the command with
     * stdin {@code /dev/null} and its output spooled to {@code SPOOL/out} and {@code SPOOL/err},
     * then writes the exit status to {@code SPOOL/status} atomically. The command survives the
     * agent's JVM; only the agent's user can write the spool, so the command cannot forge its status.
     *
     * @param spec what to run
     * @param req the task (its ids go into the environment)
     * @param spool the task's absolute spool folder, which must exist
     * @return a ready builder whose own output is discarded
     * @throws TaskRefused {@code RUN_AS_FAILED} or {@code WORKDIR_INVALID}
     */
    ProcessBuilder build(CommandSpec spec, TaskRequest req, Path spool) throws TaskRefused {
        Optional<Accounts.Account> target = switchTo(spec.runAs());
        List<String> argv = new ArrayList<>();
        setsid.ifPresent(p -> argv.add(p.toString()));
        argv.addAll(List.of(WRAPPER_SHELL, "-c", WRAPPER, "orrery-cmd", spool.toString()));
        target.ifPresent(a -> argv.addAll(List.of(runuser.orElseThrow().toString(), "-u", a.name(), "--")));
        if (spec.program().isEmpty()) {
            argv.addAll(List.of(shell.toString(), "-c", spec.command()));
        } else {
            argv.addAll(spec.program());
        }

        ProcessBuilder pb = new ProcessBuilder(argv).directory(workdir(spec.cwd(), target).toFile());
        pb.environment().putAll(spec.env());
        pb.environment().put(Environment.TASK_ID, req.taskId());
        pb.environment().put(Environment.HOST_ID, req.hostId());
        File devNull = new File("/dev/null");
        if (devNull.exists()) {
            pb.redirectInput(ProcessBuilder.Redirect.from(devNull));
        }
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        return pb;
    }

    /** @return the account to switch to, or empty to run as the agent's own user */
    private Optional<Accounts.Account> switchTo(String runAs) throws TaskRefused {
        if (runAs.isEmpty()) {
            return Optional.empty();
        }
        Accounts.Account account;
        try {
            account = accounts.lookup(runAs).orElseThrow(
                    () -> new TaskRefused(ErrorCode.RUN_AS_FAILED, "user '" + runAs + "' does not exist on this host"));
        } catch (IOException e) {
            throw new TaskRefused(ErrorCode.RUN_AS_FAILED, "cannot look up user '" + runAs + "': " + e.getMessage());
        }
        long self = accounts.currentUid();
        if (account.uid() == self) {
            return Optional.empty();
        }
        if (self != 0) {
            throw new TaskRefused(ErrorCode.RUN_AS_FAILED, "the agent does not run as root (uid " + self
                    + "), so it cannot run commands as '" + runAs + "'");
        }
        if (runuser.isEmpty()) {
            throw new TaskRefused(ErrorCode.RUN_AS_FAILED, "runuser is not installed, so commands cannot run as '" + runAs + "'");
        }
        return Optional.of(account);
    }

    private static Path workdir(String cwd, Optional<Accounts.Account> target) throws TaskRefused {
        if (!cwd.isEmpty()) {
            Path dir = Path.of(cwd);
            if (!dir.isAbsolute() || !Files.isDirectory(dir)) {
                throw new TaskRefused(ErrorCode.WORKDIR_INVALID,
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
