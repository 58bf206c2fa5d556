package dev.orrery.plugin.portcheck.internal;

import dev.orrery.agent.api.TaskContext;
import java.util.ArrayList;
import java.util.List;

/** A task context the test cancels by hand, running the registered actions like the agent does. */
final class FakeContext implements TaskContext {
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
        List<Runnable> toRun;
        synchronized (this) {
            cancelled = true;
            toRun = new ArrayList<>(actions);
        }
        toRun.forEach(Runnable::run);
    }
}
