package dev.orrery.center.shell.internal;

import dev.orrery.api.HostTaskState;
import java.util.Map;

/** Counts of a task's host tasks, and the one-line progress shown while waiting. */
record Progress(int total, int done, int running, int waiting, int failed) {

    /**
     * @param counts count per host-task state
     * @return the summary
     */
    static Progress of(Map<HostTaskState, Integer> counts) {
        int total = 0;
        int done = 0;
        int running = 0;
        int failed = 0;
        for (Map.Entry<HostTaskState, Integer> e : counts.entrySet()) {
            int n = e.getValue() == null ? 0 : e.getValue();
            total += n;
            if (e.getKey().isFinal()) {
                done += n;
                if (e.getKey() != HostTaskState.SUCCEEDED) {
                    failed += n;
                }
            } else if (e.getKey() == HostTaskState.RUNNING) {
                running += n;
            }
        }
        return new Progress(total, done, running, total - done - running, failed);
    }

    /** @return {@code true} when every host task is final */
    boolean finished() {
        return total > 0 && done == total;
    }

    /** @return e.g. {@code "  3/10 done, 2 running, 5 waiting, 1 failed"} */
    String line() {
        StringBuilder b = new StringBuilder("  ").append(done).append('/').append(total).append(" done, ")
                .append(running).append(" running");
        if (waiting > 0) {
            b.append(", ").append(waiting).append(" waiting");
        }
        if (failed > 0) {
            b.append(", ").append(failed).append(" failed");
        }
        return b.toString();
    }
}
