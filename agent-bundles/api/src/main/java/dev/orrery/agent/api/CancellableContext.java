package dev.orrery.agent.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link TaskContext} cancelled by {@link #cancel()}: what the agent core hands to handlers, and
 * what a capability that runs other handlers (cron runs, action steps) or a test can use. Thread-safe;
 * cancel actions run outside the lock, on the thread that cancels (or registers after the cancel).
 */
public final class CancellableContext implements TaskContext {
    private final Consumer<RuntimeException> failures;
    private final List<Runnable> actions = new ArrayList<>();
    private boolean cancelled;

    /** A context whose failing cancel actions are ignored after the others ran. */
    public CancellableContext() {
        this(e -> { });
    }

    /** @param failures told of each cancel action that throws (for example, to log it) */
    public CancellableContext(Consumer<RuntimeException> failures) {
        this.failures = failures;
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

    /** Cancels: runs every registered action once, on the calling thread; later calls do nothing. */
    public void cancel() {
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
            failures.accept(e);
        }
    }
}
