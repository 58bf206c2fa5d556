package dev.orrery.center.proxy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: items are queued as they arrive, and one thread hands the writer everything
 * that arrived while the previous batch was being written (up to a count and a total weight),
 * one batch at a time, so one commit of the store serves many callers. One thread and one queue
 * keep the arrival order. {@link #add} never blocks.
 *
 * @param <T> the items
 */
final class GroupCommit<T> {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final long POLL_MILLIS = 200;

    private final LinkedBlockingQueue<T> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final String name;
    private final int maxBatch;
    private final long maxWeight;
    private final ToLongFunction<T> weight;
    private final Consumer<List<T>> writer;
    private final Thread thread;
    private volatile boolean stopping;
    /** The first item of the batch being written, or {@code null}. */
    private volatile T writing;

    /**
     * @param name what is written, for the thread's name and the log
     * @param maxBatch most items per batch
     * @param maxWeight a batch takes no more items once their weights reach this
     * @param weight an item's weight (bytes of output, host tasks, ...)
     * @param writer writes one batch; what it throws is logged
     */
    GroupCommit(String name, int maxBatch, long maxWeight, ToLongFunction<T> weight, Consumer<List<T>> writer) {
        this.name = name;
        this.maxBatch = maxBatch;
        this.maxWeight = maxWeight;
        this.weight = weight;
        this.writer = writer;
        this.thread = new Thread(this::run, "orrery-proxy-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** @return {@code false} if stopping: the item was not queued */
    boolean add(T item) {
        if (stopping) {
            return false;
        }
        pending.incrementAndGet();
        queue.add(item);
        return true;
    }

    /** @return items queued or being written */
    int backlog() {
        return pending.get();
    }

    /**
     * @return the oldest item not yet written: the first of the batch being written, else the
     *     head of the queue (an item taken from the queue an instant ago may be missed)
     */
    Optional<T> oldest() {
        T w = writing;
        return w != null ? Optional.of(w) : Optional.ofNullable(queue.peek());
    }

    /**
     * Writes what is queued (for up to 5 s), then stops.
     *
     * @return the items left unwritten
     */
    List<T> close() {
        stopping = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("Proxy {} did not finish within 5 s; {} left", name, queue.size());
            thread.interrupt();
        }
        List<T> left = new ArrayList<>();
        queue.drainTo(left);
        return left;
    }

    private void run() {
        List<T> batch = new ArrayList<>();
        while (!stopping || !queue.isEmpty()) {
            try {
                T first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                writing = first;
                batch.add(first);
                long total = weight.applyAsLong(first);
                while (batch.size() < maxBatch && total < maxWeight) {
                    T next = queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    total += weight.applyAsLong(next);
                }
                writer.accept(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Proxy {}: writing a batch of {} failed: {}", name, batch.size(), e.toString(), e);
            } finally {
                writing = null;
                pending.addAndGet(-batch.size());
                batch.clear();
            }
        }
    }
}
