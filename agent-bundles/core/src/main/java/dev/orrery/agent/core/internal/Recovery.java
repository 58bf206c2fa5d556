package dev.orrery.agent.core.internal;

import dev.orrery.agent.api.CancellableContext;
import dev.orrery.agent.api.TaskHandler;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.api.ErrorCode;
import dev.orrery.protocol.Message.Task;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a restart: every ledger entry is known as seen (never run again); an entry whose result
 * waits in the outbox or was acknowledged is done; an entry with neither was in flight when the
 * agent died, and is resumed through {@link TaskHandler#resume} on a worker once its handler is
 * present (waiting a bounded time, else {@code HANDLER_MISSING}). Runs once, before the link starts.
 */
final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private Recovery() {
    }

    /**
     * @param journal the persisted ledger
     * @param delivery the outbox side
     * @param runner the runner
     * @param handlers the whiteboard
     * @param handlerWaitMillis how long to wait for a missing handler
     * @return how many tasks are resumed
     */
    static int recover(TaskJournal journal, Delivery delivery, TaskRunner runner, HandlerRegistry handlers,
            long handlerWaitMillis) {
        List<TaskJournal.Entry> entries = journal.load();
        int resumed = 0;
        for (TaskJournal.Entry e : entries) {
            String key = e.key();
            if (e.ackedAt() > 0 || delivery.isPending(key)) {
                runner.ledger().remember(key);
                continue;
            }
            CancellableContext ctx = Execution.of(e.task().taskId() + "@" + e.task().hostId());
            runner.ledger().admit(key, ctx);
            runner.submit(e.task(), key, () -> resume(e, ctx, runner, handlers, handlerWaitMillis));
            resumed++;
        }
        if (resumed > 0) {
            LOG.info("Agent restarted with {} task(s) in flight: resuming them ({} in the ledger)", resumed, entries.size());
        }
        return resumed;
    }

    private static void resume(TaskJournal.Entry e, CancellableContext ctx, TaskRunner runner, HandlerRegistry handlers,
            long waitMillis) {
        Task t = e.task();
        String key = e.key();
        Optional<TaskHandler> handler = handlers.await(t.taskType(), waitMillis);
        if (handler.isEmpty()) {
            runner.finish(t, key, TaskOutcome.failed(ErrorCode.HANDLER_MISSING, "no handler for task type '" + t.taskType()
                    + "' appeared within " + waitMillis / 1000 + " s of the agent restarting; the task was not resumed"),
                    e.startedAt());
            return;
        }
        LOG.info("Resuming task {} ({}) on {}", t.taskId(), t.taskType(), t.hostId());
        runner.finish(t, key, runner.call(t, ctx, true, handler.get()), e.startedAt());
    }
}
