package dev.orrery.center.store.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.store.AuditEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the audit log: callers queue their entry and wait; one thread takes
 * everything that arrived while the previous batch was being written (up to {@value #MAX_BATCH})
 * and hands it to the writer, which appends it in one transaction. A single writer keeps the
 * chain in arrival order and never races itself for the head. Thread-safe.
 */
final class AuditWriter {
    private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);
    static final int MAX_BATCH = 500;
    private static final long POLL_MILLIS = 200;
    private static final long WAIT_SECONDS = 60;

    /** One queued entry and the future its caller waits on. */
    record Pending(AuditEntry entry, CompletableFuture<Void> done) {
    }

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Consumer<List<Pending>> writer;
    private final Thread thread;
    private final AtomicLong batches = new AtomicLong();
    private volatile boolean stopping;

    /** @param writer appends one batch in one transaction; what it throws fails the whole batch */
    AuditWriter(Consumer<List<Pending>> writer) {
        this.writer = writer;
        this.thread = new Thread(this::run, "orrery-audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues the entry and waits until its batch has committed.
     *
     * @throws OrreryException {@code STORE_UNAVAILABLE} if the batch failed, the writer stopped,
     *     or nothing committed within 60 s
     */
    void appendAndWait(AuditEntry entry) {
        if (stopping) {
            throw new OrreryException(ErrorCode.STORE_UNAVAILABLE, "the audit log is closed");
        }
        Pending p = new Pending(entry, new CompletableFuture<>());
        queue.add(p);
        try {
            p.done().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof OrreryException o ? o
                    : new OrreryException(ErrorCode.STORE_UNAVAILABLE, "the audit record could not be stored");
        } catch (TimeoutException e) {
            throw new OrreryException(ErrorCode.STORE_UNAVAILABLE, "the audit log did not commit within " + WAIT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrreryException(ErrorCode.STORE_UNAVAILABLE, "interrupted while waiting for the audit log");
        }
    }

    /** @return how many batches were committed */
    long batches() {
        return batches.get();
    }

    /** Writes what is queued (for up to 5 s), then stops; callers still waiting fail. */
    void close() {
        stopping = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.done().completeExceptionally(new OrreryException(ErrorCode.STORE_UNAVAILABLE, "the audit log is closed")));
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
                batches.incrementAndGet();
                batch.forEach(p -> p.done().complete(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Audit log: a batch of {} records could not be stored: {}", batch.size(), e.toString());
                batch.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }
}
