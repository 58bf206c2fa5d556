package dev.orrery.agent.api;

/** The running state of one execution, handed to a {@link TaskHandler}. Thread-safe. */
public interface TaskContext {

    /**
     * @return {@code true} once the task was cancelled from the center. A stopping agent does not
     *     cancel: it leaves its tasks to {@link TaskHandler#resume} after the restart.
     */
    boolean isCancelled();

    /**
     * Registers an action run once when the task is cancelled (immediately if it already is).
     *
     * @param action for example, destroying the process tree
     */
    void onCancel(Runnable action);
}
