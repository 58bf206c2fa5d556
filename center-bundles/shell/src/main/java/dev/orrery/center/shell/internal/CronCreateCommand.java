package dev.orrery.center.shell.internal;

import dev.orrery.api.JsonText;
import dev.orrery.api.OrreryException;
import dev.orrery.center.cron.CronRequest;
import dev.orrery.center.cron.CronService;
import dev.orrery.center.proxy.Scope;
import dev.orrery.center.proxy.Targets;
import dev.orrery.center.store.CronJobRecord;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code orrery:cron-create}: schedules a shell command on hosts and groups. */
@Service
@Command(scope = "orrery", name = "cron-create",
        description = "Schedules a command: orrery:cron-create -s '0 */5 * * * *' -h web-1 -g db -- uptime (six fields, with seconds).")
public final class CronCreateCommand implements Action {

    @Option(name = "--schedule", aliases = "-s", required = true, description = "sec min hour day-of-month month day-of-week")
    String schedule;

    @Option(name = "--timezone", aliases = "-z", description = "Zone of the schedule (default UTC)")
    String timezone;

    @Option(name = "--spread", description = "Each host runs at its own stable offset within the period")
    boolean spread;

    @Option(name = "--host", aliases = "-h", multiValued = true, description = "A host to run on (repeatable)")
    List<String> hosts;

    @Option(name = "--group", aliases = "-g", multiValued = true, description = "A host group to run on (repeatable)")
    List<String> groups;

    @Option(name = "--user", aliases = "-u", description = "Run the command as this user")
    String runAs;

    @Option(name = "--timeout", aliases = "-t", description = "Per-run timeout in seconds (default: the agent's)")
    int timeout;

    @Option(name = RunArgs.SEPARATOR, description = "Ends the options; everything after it is the command")
    boolean separator;

    @Argument(index = 0, name = "command", required = true, multiValued = true, description = "The command, after --")
    List<String> command;

    @Reference
    CronService cron;

    @Reference
    Session session;

    @Override
    public Object execute() throws Exception {
        String spec = "{\"command\":" + JsonText.quote(String.join(" ", command)) + "}";
        try {
            CronJobRecord job = cron.create(new CronRequest(new Targets(hosts, groups), schedule, timezone, spread, "cmd", spec, runAs, timeout,
                    ShellSupport.createdBy(session), Scope.ALL));
            System.out.println("Cron job " + job.cronId() + " created on " + job.hostIds().size() + " host(s)");
            return null;
        } catch (OrreryException e) {
            throw ShellSupport.failure(e);
        }
    }

}
