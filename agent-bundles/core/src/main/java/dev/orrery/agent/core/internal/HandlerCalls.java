package dev.orrery.agent.core.internal;

import dev.orrery.agent.api.CancellableContext;
import dev.orrery.agent.api.TaskHandler;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.ErrorCode;
import dev.orrery.protocol.Message.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls a {@link TaskHandler}, turning whatever it throws into a {@code HANDLER_FAILED} outcome. Stateless. */
final class HandlerCalls {
    private static final Logger LOG = LoggerFactory.getLogger(HandlerCalls.class);

    private HandlerCalls() {
    }

    /**
     * @param t the task
     * @param ctx its cancellation
     * @param resume whether to re-attach ({@link TaskHandler#resume}) rather than execute
     * @param handler the handler
     * @return the outcome, never {@code null}
     */
    static TaskOutcome call(Task t, CancellableContext ctx, boolean resume, TaskHandler handler) {
        try {
            TaskRequest req = request(t);
            TaskOutcome outcome = resume ? handler.resume(req, ctx) : handler.execute(req, ctx);
            return outcome != null ? outcome
                    : TaskOutcome.failed(ErrorCode.HANDLER_FAILED, "the '" + t.taskType() + "' handler returned no outcome");
        } catch (Exception | LinkageError e) {
            LOG.warn("The '{}' handler failed on task {}", t.taskType(), t.taskId(), e);
            return TaskOutcome.failed(ErrorCode.HANDLER_FAILED, "the '" + t.taskType() + "' handler failed: " + e);
        }
    }

    /** @param t a task as received @return the handler's view of it */
    static TaskRequest request(Task t) {
        return new TaskRequest(t.taskId(), t.hostId(), t.taskType(), t.params(), t.body(), t.timeoutSeconds());
    }
}
