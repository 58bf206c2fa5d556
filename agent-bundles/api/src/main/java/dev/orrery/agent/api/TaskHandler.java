package dev.orrery.agent.api;

import dev.orrery.api.ErrorCode;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Executes tasks of one type on this host. Register as an OSGi service with the property
 * {@value #TYPE} set to the type name (see {@code dev.orrery.api.TaskTypes}).
 *
 * <p>Threading: the core calls {@link #execute} on a worker thread, never on an I/O thread; a
 * handler may block until the task ends, but must return by the request's deadline or soon
 * after {@link TaskContext#isCancelled()} turns true.
 */
@ConsumerType
public interface TaskHandler {
    /** Service property naming the task type handled. */
    String TYPE = "orrery.task.type";

    /**
     * Runs one task to its end.
     *
     * @param request what to run
     * @param context cancellation and deadline of this execution
     * @return the outcome; never {@code null}
     * @throws Exception an unexpected failure, reported as {@code HANDLER_FAILED}
     */
    TaskOutcome execute(TaskRequest request, TaskContext context) throws Exception;

    /**
     * Re-attaches to a task that this agent started before it restarted (crash, {@code kill -9},
     * update) and that has no result yet. The core never calls {@link #execute} twice for one
     * host task: a task runs at most once. A handler whose work outlives the agent (the
     * {@code cmd} handler's detached process, with its output spooled to files) waits for it
     * here and returns its real outcome; the default, for handlers whose work died with the
     * agent, reports {@link ErrorCode#INTERRUPTED}.
     *
     * @param request the task as it was first received
     * @param context cancellation of this execution
     * @return the outcome; never {@code null}
     * @throws Exception an unexpected failure, reported as {@code HANDLER_FAILED}
     */
    default TaskOutcome resume(TaskRequest request, TaskContext context) throws Exception {
        return TaskOutcome.failed(ErrorCode.INTERRUPTED,
                "the agent restarted while this " + request.type() + " task ran; it is not run twice, so its outcome is unknown");
    }

    /**
     * Called once the center has stored the task's result: the handler may free what it kept so
     * that {@link #resume} could re-attach (the {@code cmd} handler deletes the task's spooled
     * output). Called at most once per host task, on an agent thread, never on an I/O thread;
     * a failure is logged and ignored. Handlers that keep nothing need not override it.
     *
     * @param request the task whose result is stored
     */
    default void release(TaskRequest request) {
        // keeps nothing beyond the task itself
    }
}
