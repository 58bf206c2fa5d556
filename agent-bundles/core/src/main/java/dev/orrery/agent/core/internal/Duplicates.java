package dev.orrery.agent.core.internal;

import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.api.ErrorCode;
import dev.orrery.protocol.Message.Ack;
import dev.orrery.protocol.Message.AckKind;
import dev.orrery.protocol.Message.Result;
import dev.orrery.protocol.Message.Task;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a task that arrives again, never running it twice. Before the center stored its result
 * (a resend, a reconnect), receipt is acknowledged again and the kept result sent again. After
 * the center stored it ({@code Ack STORED}, marked in the journal), a copy is a replay: it is
 * answered with a {@code TASK_REPLAYED} result, sent once and not kept (the center already holds
 * the real one). Runs on the delivery thread, but {@link #running} (only sends).
 */
final class Duplicates {
    private static final Logger LOG = LoggerFactory.getLogger(Duplicates.class);

    private final Uplink uplink;
    private final TaskJournal journal;
    private final Delivery delivery;
    private final TaskLedger ledger;

    Duplicates(Uplink uplink, TaskJournal journal, Delivery delivery, TaskLedger ledger) {
        this.uplink = uplink;
        this.journal = journal;
        this.delivery = delivery;
        this.ledger = ledger;
    }

    /**
     * @param t a task this agent already has (running, ended, or in the journal)
     * @param key its ledger key
     */
    void answer(Task t, String key) {
        Optional<Result> pending = delivery.pending(key);
        if (pending.isEmpty() && stored(t)) {
            LOG.warn("Task {} for {} arrived again after the center stored its result: refused as a replay (TASK_REPLAYED)",
                    t.taskId(), t.hostId());
            TaskOutcome o = TaskOutcome.failed(ErrorCode.TASK_REPLAYED,
                    "the task already ran on this host and its result was stored; this copy was not run");
            long now = System.currentTimeMillis();
            uplink.send(new Result(t.taskId(), t.hostId(), o.state(), o.exitCode(), o.stdout(), o.stderr(), o.truncated(),
                    o.error().name(), o.errorMessage(), 0, now));
            return;
        }
        LOG.info("Task {} already ran on {}; not running it again", t.taskId(), t.hostId());
        uplink.send(new Ack(t.taskId(), t.hostId(), AckKind.RECEIVED));
        pending.or(() -> ledger.result(key)).ifPresent(uplink::send);
    }

    /** @param t a copy of a task that is running now (I/O thread: only sends) */
    void running(Task t) {
        LOG.debug("Task {} is already running; duplicate ignored", t.taskId());
        uplink.send(new Ack(t.taskId(), t.hostId(), AckKind.RECEIVED));
        uplink.send(new Ack(t.taskId(), t.hostId(), AckKind.RUNNING));
    }

    private boolean stored(Task t) {
        try {
            return journal.ackedAt(t.taskId(), t.hostId()) > 0;
        } catch (IOException | RuntimeException e) {
            LOG.debug("Cannot read the ledger entry of task {}: {}", t.taskId(), e.toString());
            return false;
        }
    }
}
