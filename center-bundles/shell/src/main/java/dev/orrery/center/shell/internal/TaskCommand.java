package dev.orrery.center.shell.internal;

import dev.orrery.api.HostTaskState;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.store.HostStore;
import dev.orrery.center.store.TaskRecord;
import java.time.Instant;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/** {@code orrery:task ID}: a task's state, counts and per-host results. */
@Service
@Command(scope = "orrery", name = "task", description = "Shows a task's state, its count per host state, and each host's result.")
public final class TaskCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "The task id, as orrery:run or POST /cmd returned it")
    private String id;

    @Option(name = "--limit", aliases = "-n", description = "Most per-host results shown (default 200)")
    private int limit = 200;

    @Reference
    private TaskService tasks;

    @Reference
    private HostStore hosts;

    @Override
    public Object execute() throws Exception {
        if (limit < 1) {
            throw new CommandException("--limit must be at least 1");
        }
        TaskRecord task = tasks.task(id).orElseThrow(() -> new CommandException("no task '" + id + "'"));
        Map<HostTaskState, Integer> counts = tasks.counts(id);
        System.out.println(describe(task));
        System.out.println(Counts.line(counts));
        ShellSupport.printResults(System.out, tasks, hosts, id, Progress.of(counts).total(), limit);
        return null;
    }

    static String describe(TaskRecord t) {
        return "Task " + t.taskId() + " (" + t.type() + ") " + (t.state() == null ? "" : t.state().name()) + ", by "
                + t.createdBy() + " at " + Instant.ofEpochMilli(t.createdAt()) + ", timeout " + t.timeoutSeconds() + " s";
    }
}
