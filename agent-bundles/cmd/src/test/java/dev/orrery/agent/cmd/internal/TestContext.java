package dev.orrery.agent.cmd.internal;

import dev.orrery.agent.api.TaskContext;
import java.util.ArrayList;
import java.util.List;

/** A cancellable context for tests. */
final class TestContext implements TaskContext {
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

    void cancel() {
        List<Runnable> run;
        synchronized (this) {
            cancelled = true;
            run = List.copyOf(actions);
            actions.clear();
        }
        run.forEach(Runnable::run);
    }
}
