package dev.orrery.center.proxy.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's workers: a pool for dispatching new tasks (acks and results are written by the
 * recorder, {@link GroupCommit}); a serial lane for presence events (a channel's loss and its hosts' arrival must be handled in
 * the order they happened); and the periodic sweeper. Failures of a job are logged, never thrown.
 */
final class Workers {
    private static final Logger LOG = LoggerFactory.getLogger(Workers.class);

    private final ExecutorService pool;
    private final ExecutorService serial;
    private final ScheduledExecutorService sweeper;

    Workers(int threads, long sweepIntervalMillis, Runnable sweep) {
        pool = Executors.newFixedThreadPool(threads, threads("orrery-proxy-worker"));
        serial = Executors.newSingleThreadExecutor(threads("orrery-proxy-presence"));
        sweeper = Executors.newSingleThreadScheduledExecutor(threads("orrery-proxy-sweeper"));
        sweeper.scheduleWithFixedDelay(() -> guarded("sweep", sweep), sweepIntervalMillis, sweepIntervalMillis,
                TimeUnit.MILLISECONDS);
    }

    /** Runs a job on any worker. */
    void run(String what, Runnable job) {
        submit(pool, what, job);
    }

    /** Runs a job in the serial lane, after every job submitted there before it. */
    void inOrder(String what, Runnable job) {
        submit(serial, what, job);
    }

    void close() {
        sweeper.shutdownNow();
        serial.shutdown();
        pool.shutdown();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            boolean finished = serial.awaitTermination(5, TimeUnit.SECONDS);
            finished &= pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!finished) {
                LOG.warn("Proxy workers did not finish within 5 s");
            }
            sweeper.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        serial.shutdownNow();
        pool.shutdownNow();
    }

    private static void submit(ExecutorService executor, String what, Runnable job) {
        try {
            executor.execute(() -> guarded(what, job));
        } catch (RejectedExecutionException e) {
            LOG.warn("Proxy stopping; dropped {}", what);
        }
    }

    private static void guarded(String what, Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            LOG.warn("Proxy job '{}' failed: {}", what, e.toString(), e);
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
