package dev.orrery.center.link.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work from the I/O threads that is written to the store in batches (group commit): a few
 * threads, each with its own bounded queue, each taking everything queued (up to
 * {@code maxBatch}) and handing it to the writer at once, so a reconnecting fleet costs one
 * commit per batch rather than one per agent. Items with the same key always go to the same
 * thread, so one host's items are written in the order they arrived. When a queue is full the
 * item is refused at once ({@link #offer} returns {@code false}); the caller decides what that
 * means (close the session, drop a report the agent sends again). Thread-safe.
 *
 * @param <T> the queued items
 */
final class Batches<T> {
    private static final Logger LOG = LoggerFactory.getLogger(Batches.class);
    private static final long POLL_MILLIS = 200;

    private final String name;
    private final int maxBatch;
    private final Function<T, String> key;
    private final Consumer<List<T>> writer;
    private final Consumer<List<T>> failed;
    private final List<ArrayBlockingQueue<T>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean stopping;

    /**
     * @param name names the threads and the log lines
     * @param threads writer threads, each with its own queue
     * @param capacity most items waiting, over all threads (at least one per thread)
     * @param maxBatch most items handed to the writer at once
     * @param key which thread an item goes to (same key, same thread, same order)
     * @param writer writes a batch; runs on one of the threads
     * @param failed handles a batch whose writer threw
     */
    Batches(String name, int threads, int capacity, int maxBatch, Function<T, String> key, Consumer<List<T>> writer,
            Consumer<List<T>> failed) {
        this.name = name;
        this.maxBatch = maxBatch;
        this.key = key;
        this.writer = writer;
        this.failed = failed;
        int each = Math.max(1, (capacity + threads - 1) / threads);
        for (int i = 1; i <= threads; i++) {
            ArrayBlockingQueue<T> queue = new ArrayBlockingQueue<>(each);
            queues.add(queue);
            Thread t = new Thread(() -> run(queue), "orrery-link-" + name + "-" + i);
            t.setDaemon(true);
            this.threads.add(t);
            t.start();
        }
    }

    /** @return {@code false} if the item's queue is full or this is stopping */
    boolean offer(T item) {
        ArrayBlockingQueue<T> queue = queues.get(Math.floorMod(key.apply(item).hashCode(), queues.size()));
        if (!stopping && queue.offer(item)) {
            return true;
        }
        // in a storm this happens thousands of times a second: warn once per 1000
        if (refused.incrementAndGet() % 1000 == 1) {
            LOG.warn("The {} queue is full or the center is stopping; refused {} so far", name, refused.get());
        }
        return false;
    }

    /** Writes what is queued (for up to 5 s), then stops. */
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

    private void run(ArrayBlockingQueue<T> queue) {
        List<T> batch = new ArrayList<>();
        while (!stopping || !queue.isEmpty()) {
            try {
                T first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                writer.accept(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Writing {} {} items failed: {}", batch.size(), name, e.toString(), e);
                failed.accept(batch);
            } finally {
                batch.clear();
            }
        }
    }
}
