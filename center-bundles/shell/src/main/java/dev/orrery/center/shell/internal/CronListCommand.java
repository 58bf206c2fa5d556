package dev.orrery.center.shell.internal;

import dev.orrery.center.cron.CronService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code orrery:cron-list}: the live cron jobs. */
@Service
@Command(scope = "orrery", name = "cron-list", description = "Lists the cron jobs (schedule, zone, spread, what runs, on how many hosts).")
public final class CronListCommand implements Action {

    @Reference
    CronService cron;

    @Override
    public Object execute() {
        new CronShell(cron, System.out).list();
        return null;
    }
}
