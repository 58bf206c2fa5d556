package dev.orrery.center.shell.internal;

import dev.orrery.center.cron.CronService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/** {@code orrery:cron-show}: one cron job and its latest runs on every host. */
@Service
@Command(scope = "orrery", name = "cron-show", description = "Shows a cron job and its latest runs (host, start, duration, exit code, output or error).")
public final class CronShowCommand implements Action {

    @Argument(index = 0, name = "cronId", description = "The job's id", required = true)
    String cronId;

    @Option(name = "--limit", aliases = "-n", description = "Most runs shown, the latest (default 20)")
    int limit = 20;

    @Reference
    CronService cron;

    @Override
    public Object execute() throws Exception {
        if (limit < 1) {
            throw new CommandException("--limit must be at least 1");
        }
        if (!new CronShell(cron, System.out).show(cronId, limit)) {
            throw new CommandException("NOT_FOUND: no cron job '" + cronId + "'");
        }
        return null;
    }
}
