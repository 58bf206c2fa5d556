package dev.orrery.center.shell.internal;

import dev.orrery.center.cron.CronService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/** {@code orrery:cron-delete}: deletes a cron job; its hosts stop running it within seconds. */
@Service
@Command(scope = "orrery", name = "cron-delete", description = "Deletes a cron job; its hosts are synced and stop running it within seconds.")
public final class CronDeleteCommand implements Action {

    @Argument(index = 0, name = "cronId", description = "The job's id", required = true)
    String cronId;

    @Reference
    CronService cron;

    @Override
    public Object execute() throws Exception {
        if (!cron.delete(cronId)) {
            throw new CommandException("NOT_FOUND: no live cron job '" + cronId + "'");
        }
        System.out.println("Cron job " + cronId + " deleted");
        return null;
    }
}
