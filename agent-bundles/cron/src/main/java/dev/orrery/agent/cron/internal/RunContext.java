package dev.orrery.agent.cron.internal;

import dev.orrery.agent.api.TaskContext;
import java.util.ArrayList;
import java.util.List;

/** The context of one run: cancelled when the cron capability stops. Thread-safe. */
final class RunContext implements TaskContext {
    private final List<Runnable> actions = new ArrayList<>();
    private boolean cancelled;

    @Override
    public synchronized boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void onCancel(Runnable action) {
        synchronized (this) {
            if (!cancelled) {
                actions.add(action);
                return;
            }
        }
        action.run();
    }

    /** Cancels the run: every registered action runs once. */
    void cancel() {
        List<Runnable> run;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            run = new ArrayList<>(actions);
            actions.clear();
        }
        run.forEach(Runnable::run);
    }
}
