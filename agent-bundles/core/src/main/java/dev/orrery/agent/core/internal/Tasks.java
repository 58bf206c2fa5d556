package dev.orrery.agent.core.internal;

import dev.orrery.protocol.Backoff;
import dev.orrery.protocol.Message.Ack;
import dev.orrery.protocol.Message.AckKind;
import dev.orrery.protocol.Message.Cancel;
import dev.orrery.protocol.Message.Task;
import java.io.IOException;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's task side, wired from its parts: the persisted {@link TaskJournal} and
 * {@link ResultOutbox} under the data folder, {@link Delivery} and the {@link TaskRunner}. What
 * the channel connection calls. Thread-safe.
 */
final class Tasks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Tasks.class);
    private final TaskJournal journal;
    private final Delivery delivery;
    private final TaskRunner runner;
    private final HandlerRegistry handlers;
    private final AgentSettings settings;
    private final TaskTrust trust;

    /**
     * Opens the data folder; nothing runs until {@link #start()}.
     *
     * @param settings validated settings
     * @param handlers the whiteboard
     * @param uplink where acks and results go
     * @param trust decides whether a new task may run
     * @param watchdog delays or refuses new tasks while the agent is over its caps
     * @throws IOException if the data folder cannot be opened
     */
    Tasks(AgentSettings settings, HandlerRegistry handlers, Uplink uplink, TaskTrust trust, Watchdog watchdog)
            throws IOException {
        this.trust = trust;
        this.settings = settings;
        this.handlers = handlers;
        this.journal = new TaskJournal(settings.dataDir().resolve("ledger"), settings.maxFrameBytes());
        ResultOutbox outbox = new ResultOutbox(settings.dataDir().resolve("outbox"), settings.outboxCapacity(),
                settings.maxFrameBytes());
        this.delivery = new Delivery(outbox, journal, uplink,
                new Backoff(settings.resendMinMillis(), settings.resendMaxMillis(), new Random()), settings.ledgerRetentionMillis(),
                settings.resendMaxMillis(), this::release);
        this.runner = new TaskRunner(handlers, uplink, settings.workers(), journal, delivery, trust, watchdog);
    }

    /** Resumes what a previous run left in flight, then starts the resend loop. */
    void start() {
        Recovery.recover(journal, delivery, runner, handlers, settings.resumeHandlerWaitMillis());
        delivery.start();
    }

    /** Lets the task's handler free what it kept for a resume, once the center stored the result. */
    private void release(Task t) {
        handlers.find(t.taskType()).ifPresent(h -> {
            try {
                h.release(HandlerCalls.request(t));
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("The '{}' handler failed to release task {}: {}", t.taskType(), t.taskId(), e.toString());
            }
        });
    }

    /**
     * @param hostId the host id the center recorded
     * @param taskKey the center's task-signing key from the welcome, empty if none
     */
    void welcomed(String hostId, byte[] taskKey) {
        trust.welcomed(hostId, taskKey);
    }

    /** @param t a task from the channel (I/O thread) */
    void onTask(Task t) {
        runner.onTask(t);
    }

    /** @param c a cancel from the channel (I/O thread) */
    void onCancel(Cancel c) {
        runner.onCancel(c);
    }

    /** @param a an ack from the channel (I/O thread); STORED and QUEUED concern the agent */
    void onAck(Ack a) {
        if (a.kind() == AckKind.STORED) {
            delivery.stored(a);
        } else if (a.kind() == AckKind.QUEUED) {
            delivery.queued(a);
        }
    }

    /** A channel connection opened: resend every waiting result. */
    void connected() {
        delivery.connected();
    }

    /** @return how many tasks run now */
    int running() {
        return runner.ledger().runningCount();
    }

    /** @return STORED acks that matched no task */
    long unknownAcks() {
        return delivery.unknownAcks();
    }

    /**
     * Stops without cancelling anything: the delivery closes first, so an outcome that arrives now is
     * not kept, then the workers are interrupted. Every task in flight stays in the ledger without a
     * result and is resumed after the restart ({@code cmd} re-attaches to its still running
     * command). A graceful stop and a {@code kill -9} leave the same state.
     */
    @Override
    public void close() {
        delivery.close();
        runner.abandon();
    }
}
