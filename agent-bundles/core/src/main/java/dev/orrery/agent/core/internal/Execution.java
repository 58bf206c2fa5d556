package dev.orrery.agent.core.internal;

import dev.orrery.agent.api.TaskContext;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link TaskContext} of one host task. Thread-safe; actions run outside the lock. */
final class Execution implements TaskContext {
    private static final Logger LOG = LoggerFactory.getLogger(Execution.class);

    private final String name;
    private final List<Runnable> actions = new ArrayList<>();
    private boolean cancelled;

    /** @param name the task, for the log */
    Execution(String name) {
        this.name = name;
    }

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
        runQuietly(action);
    }

    /** Cancels: runs every registered action once, on the calling thread. */
    void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(actions);
            actions.clear();
        }
        toRun.forEach(this::runQuietly);
    }

    private void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("A cancel action of task {} failed", name, e);
        }
    }
}
