package dev.orrery.center.link.internal;

import dev.orrery.protocol.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registrations waiting to be recorded: a bounded queue (over it, the agent is refused at once
 * and retries after its backoff) drained by a few threads, each taking everything queued (up to
 * {@value #MAX_BATCH}) and recording it in one transaction (group commit), so a reconnecting
 * fleet costs one commit per batch rather than one per agent. Thread-safe.
 */
final class Registrations {
    static final int MAX_BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(Registrations.class);
    private static final long POLL_MILLIS = 200;

    /** A registration and the session to answer on. */
    record Pending(IoSession session, Message.Register register) {
    }

    private final ArrayBlockingQueue<Pending> queue;
    private final Consumer<List<Pending>> writer;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean stopping;

    /**
     * @param threads threads writing batches
     * @param capacity most registrations waiting
     * @param writer records a batch and answers each session
     */
    Registrations(int threads, int capacity, Consumer<List<Pending>> writer) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = writer;
        for (int i = 1; i <= threads; i++) {
            Thread t = new Thread(this::run, "orrery-link-registrations-" + i);
            t.setDaemon(true);
            this.threads.add(t);
            t.start();
        }
    }

    /** @return {@code false} if the queue is full or the link is stopping (refuse the agent) */
    boolean offer(IoSession session, Message.Register r) {
        if (!stopping && queue.offer(new Pending(session, r))) {
            return true;
        }
        // in a registration storm this happens thousands of times a second: warn once per 1000
        if (refused.incrementAndGet() % 1000 == 1) {
            LOG.warn("Registration queue full or center stopping; refusing registrations ({} so far), agents retry", refused.get());
        }
        return false;
    }

    /** Records what is queued (for up to 5 s), then stops. */
    void close() {
        stopping = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            t.interrupt();
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (!stopping || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                writer.accept(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Recording {} registrations failed: {}", batch.size(), e.toString(), e);
                batch.forEach(p -> p.session().closeNow());
            } finally {
                batch.clear();
            }
        }
    }
}
