package dev.orrery.center.cron;

import java.util.List;

/**
 * A page of runs.
 *
 * @param runs the runs, in storage order (each host's in the order they ran)
 * @param next the cursor to ask with next
 */
public record RunPage(List<CronRun> runs, long next) {
    public RunPage {
        runs = List.copyOf(runs);
    }
}
