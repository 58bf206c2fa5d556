package dev.orrery.agent.core.internal;

import dev.orrery.protocol.Backoff;
import dev.orrery.protocol.Message.Ack;
import dev.orrery.protocol.Message.Result;
import dev.orrery.protocol.Message.Task;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At-least-once delivery of results: each is written to the {@link ResultOutbox} before it is sent,
 * resent with jittered backoff and at once on every new channel connection, until the center's
 * {@code Ack(STORED)} arrives; then the ledger entry is marked acknowledged (first, so a crash in
 * between never makes a finished task look unfinished) and the result deleted. Also prunes the
 * ledger. A result the center says it has queued ({@code Ack(QUEUED)}: it is busy storing) is not
 * resent on the timer for {@code holdMillis}, so a busy center is not sent every result again; a
 * new connection still resends it at once. Its own thread does the file work, never an I/O
 * thread. Thread-safe.
 */
final class Delivery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);
    private static final long PRUNE_EVERY_MILLIS = 3_600_000;

    private final ResultOutbox outbox;
    private final TaskJournal journal;
    private final Uplink uplink;
    private final Backoff backoff;
    private final long retentionMillis;
    private final Consumer<Task> released;
    private final AtomicLong unknownAcks = new AtomicLong();
    private final long holdMillis;
    /** Host task to the time before which its result is not resent on the timer; delivery thread only. */
    private final Map<String, Long> heldUntil = new HashMap<>();
    private volatile boolean closed;
    private final ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "orrery-agent-delivery");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param outbox durable results
     * @param journal the ledger
     * @param uplink where results go
     * @param backoff resend pacing
     * @param retentionMillis how long acknowledged ledger entries are kept
     * @param holdMillis how long a result the center queued is not resent on the timer
     * @param released told (on the delivery thread) of each task whose result the center stored
     */
    Delivery(ResultOutbox outbox, TaskJournal journal, Uplink uplink, Backoff backoff, long retentionMillis, long holdMillis,
            Consumer<Task> released) {
        this.holdMillis = holdMillis;
        this.released = released;
        this.outbox = outbox;
        this.journal = journal;
        this.uplink = uplink;
        this.backoff = backoff;
        this.retentionMillis = retentionMillis;
    }

    /** Starts the resend and prune loops. */
    void start() {
        schedule(this::tick, backoff.next());
        exec.scheduleWithFixedDelay(this::prune, 0, PRUNE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Makes a result durable, then sends it. Blocks for the write (call it off I/O threads).
     *
     * @param r a final result
     */
    void deliver(Result r) {
        if (closed) {
            LOG.warn("The agent stopped before the result of task {} could be kept; it is resumed after the restart",
                    r.taskId());
            return;
        }
        try {
            outbox.put(r).ifPresent(dropped -> {
                LOG.warn("Outbox full: dropped the oldest result (task {} on {}); the center will time it out",
                        dropped.taskId(), dropped.hostId());
                giveUp(dropped);
            });
        } catch (IOException e) {
            LOG.error("Cannot persist the result of task {}; sending it without a durable copy: {}", r.taskId(), e.toString());
        }
        uplink.send(r);
    }

    /** @param a an {@code Ack(STORED)} from the center (called on an I/O thread) */
    void stored(Ack a) {
        post(() -> {
            try {
                heldUntil.remove(TaskLedger.key(a.taskId(), a.hostId()));
                Optional<Task> task = journal.markAckedTask(a.taskId(), a.hostId(), System.currentTimeMillis());
                boolean wasPending = outbox.remove(a.taskId(), a.hostId());
                if (wasPending) {
                    task.ifPresent(released);
                }
                if (!wasPending && task.isEmpty()) {
                    LOG.debug("STORED ack for unknown task {} on {} ignored ({} so far)", a.taskId(), a.hostId(),
                            unknownAcks.incrementAndGet());
                }
                if (outbox.size() == 0) {
                    backoff.reset();
                }
            } catch (IOException e) {
                LOG.warn("Cannot record the STORED ack of task {}: {}; the result will be sent again", a.taskId(), e.toString());
            }
        });
    }

    /** @param a an {@code Ack(QUEUED)} from the center (called on an I/O thread): hold that result's resends */
    void queued(Ack a) {
        post(() -> {
            String key = TaskLedger.key(a.taskId(), a.hostId());
            if (outbox.contains(key)) {
                heldUntil.put(key, System.currentTimeMillis() + holdMillis);
            }
        });
    }

    /** A channel connection just opened: resend everything at once, held or not. */
    void connected() {
        post(() -> {
            backoff.reset();
            heldUntil.clear();
            resendAll();
        });
    }

    /** @param key a host task @return its result, if it still waits for the center */
    Optional<Result> pending(String key) {
        return outbox.get(key);
    }

    /** @param key a host task @return whether its result waits for the center */
    boolean isPending(String key) {
        return outbox.contains(key);
    }

    /** @return STORED acks that matched no task */
    long unknownAcks() {
        return unknownAcks.get();
    }

    /** @param action file work to run on the delivery thread, in order */
    void post(Runnable action) {
        try {
            exec.execute(action);
        } catch (RejectedExecutionException e) {
            // closed: the agent is stopping; what was persisted is resent after the restart
        }
    }

    private void tick() {
        if (outbox.size() == 0) {
            backoff.reset();
        } else {
            resendAll();
        }
        schedule(this::tick, backoff.next());
    }

    private void resendAll() {
        long now = System.currentTimeMillis();
        heldUntil.values().removeIf(until -> until <= now);
        for (String key : outbox.keys()) {
            if (!heldUntil.containsKey(key)) {
                outbox.get(key).ifPresent(uplink::send);
            }
        }
    }

    private void giveUp(Result dropped) {
        try {
            journal.markAcked(dropped.taskId(), dropped.hostId(), System.currentTimeMillis()); // never resumed
        } catch (IOException e) {
            LOG.warn("Cannot mark the dropped task {} in the ledger: {}", dropped.taskId(), e.toString());
        }
    }

    private void prune() {
        int n = journal.prune(System.currentTimeMillis() - retentionMillis);
        if (n > 0) {
            LOG.info("Pruned {} acknowledged ledger entries older than {} h", n, retentionMillis / 3_600_000);
        }
    }

    private void schedule(Runnable r, long delayMillis) {
        try {
            exec.schedule(r, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    @Override
    public void close() {
        closed = true;
        exec.shutdownNow();
    }
}
