package dev.orrery.center.shell.internal;

import dev.orrery.api.OrreryException;
import dev.orrery.api.TaskTypes;
import dev.orrery.center.proxy.Scope;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.store.HostStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;

/** {@code orrery:run TARGET... -- COMMAND...}: runs a command, shows progress, then each host's result. */
@Service
@Command(scope = "orrery", name = "run", description = "Runs a shell command on hosts and shows each host's result.",
        detailedDescription = "Targets are host names (hostId, hostname, IP or SN) or group:NAME, then --, then the command:\n"
                + "  orrery:run web-1 group:db -- uname -a\n  orrery:run -g demo -- uptime\n"
                + "Quote a command that holds shell characters (| ; > $): orrery:run web-1 -- \"ps aux | wc -l\".\n"
                + "Waits until every host finished or the timeout passed (Ctrl-C stops waiting; the task goes on).")
public final class RunCommand implements Action {
    /** Extra wait past the task timeout, for the center to record the last results. */
    private static final long GRACE_MILLIS = 10_000;

    @Option(name = "--timeout", aliases = "-t", description = "Per-host timeout in seconds (default 60)")
    private int timeout = 60;

    @Option(name = "--user", aliases = "-u", description = "Run the command as this user")
    private String user;

    @Option(name = "--cwd", description = "Working directory of the command")
    private String cwd;

    @Option(name = "--group", aliases = "-g", multiValued = true, description = "A host group to run on (repeatable)")
    private List<String> groups;

    @Option(name = "--limit", aliases = "-n", description = "Most per-host results shown (default 200)")
    private int limit = 200;

    @Option(name = "--no-wait", description = "Print the task id and return at once")
    private boolean noWait;

    @Option(name = "--dry-run", description = "Check everything (targets, guard) and show what would run where; run nothing")
    private boolean dryRun;

    @Option(name = "--confirm-high-risk", description = "Run a command the high-risk guard blocks (audited)")
    private boolean confirmHighRisk;

    @Option(name = RunArgs.SEPARATOR, description = "Ends the targets; everything after it is the command")
    private boolean separator;

    @Argument(index = 0, name = "targets -- command", required = true, multiValued = true,
            description = "Hosts or group:NAME, then --, then the command and its arguments")
    @Completion(HostCompleter.class)
    private List<String> words;

    @Reference
    private TaskService tasks;

    @Reference
    private HostStore hosts;

    @Reference
    private Session session;

    @Override
    public Object execute() throws Exception {
        if (timeout < 1 || limit < 1) {
            throw new CommandException("--timeout and --limit must be at least 1");
        }
        RunArgs run = parsedArgs();
        TaskSubmission submission = new TaskSubmission(TaskTypes.CMD, run.targets(), params(run.command()), null, timeout,
                ShellSupport.createdBy(session), Scope.ALL, confirmHighRisk);
        TaskService.Accepted accepted;
        try {
            if (dryRun) {
                DryRuns.print(System.out, tasks.plan(submission));
                return null;
            }
            accepted = tasks.submit(submission);
        } catch (OrreryException e) {
            throw ShellSupport.failure(e);
        }
        System.out.println("Task " + accepted.taskId() + " on " + accepted.hosts() + (accepted.hosts() == 1 ? " host" : " hosts"));
        if (noWait) {
            return null;
        }
        Progress last = waitFor(accepted.taskId());
        if (!last.finished()) {
            System.out.println("Stopped waiting; the task goes on: orrery:task " + accepted.taskId());
        }
        ShellSupport.printResults(System.out, tasks, hosts, accepted.taskId(), accepted.hosts(), limit);
        return null;
    }

    /** @return the targets and command as Karaf filled the fields */
    RunArgs parsedArgs() throws CommandException {
        try {
            return RunArgs.parse(words, groups, separator);
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
    }

    private Map<String, String> params(String command) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("command", command);
        if (user != null && !user.isBlank()) {
            params.put("runAs", user.trim());
        }
        if (cwd != null && !cwd.isBlank()) {
            params.put("cwd", cwd.trim());
        }
        return params;
    }

    private Progress waitFor(String taskId) {
        Clock clock = Clock.systemUTC();
        long deadline = clock.millis() + timeout * 1000L + GRACE_MILLIS;
        ProgressPrinter printer = new ProgressPrinter(System.out);
        TaskWaiter waiter = new TaskWaiter(tasks, clock, Thread::sleep, 500);
        try {
            return waiter.await(taskId, deadline, printer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Progress.of(tasks.counts(taskId));
        } finally {
            printer.end();
        }
    }
}
