package dev.orrery.agent.api;

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
}
