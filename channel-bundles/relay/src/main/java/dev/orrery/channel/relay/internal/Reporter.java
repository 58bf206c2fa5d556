package dev.orrery.channel.relay.internal;

import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.Report;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link Report}s to the center: on request (coalesced, at most one per
 * {@link #COALESCE_MS}), and periodically. Each report is built when it is sent, so it always
 * holds the latest set of agents. Reports are built and sent on the scheduler thread, never on
 * an I/O thread.
 */
final class Reporter {
    /** Shortest time between two requested reports, in milliseconds. */
    static final long COALESCE_MS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(Reporter.class);

    private final ScheduledExecutorService scheduler;
    private final Supplier<Report> report;
    private final Predicate<Message> send;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile long lastSentNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(COALESCE_MS);

    /**
     * @param scheduler the single thread reports are sent from
     * @param report builds the current report
     * @param send queues a message to the center; {@code false} if the uplink is down
     */
    Reporter(ScheduledExecutorService scheduler, Supplier<Report> report, Predicate<Message> send) {
        this.scheduler = scheduler;
        this.report = report;
        this.send = send;
    }

    /** @param intervalSeconds period of the full reports */
    void start(long intervalSeconds) {
        scheduler.scheduleWithFixedDelay(this::send, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    /** Asks for a report soon: the set of agents changed. Cheap; callable from any thread. */
    void requestReport() {
        if (pending.compareAndSet(false, true)) {
            long sinceLast = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastSentNanos);
            submit(Math.max(0, COALESCE_MS - sinceLast));
        }
    }

    /** Sends a report as soon as the scheduler thread is free: the uplink just connected. */
    void reportNow() {
        submit(0);
    }

    private void submit(long delayMs) {
        try {
            scheduler.schedule(this::send, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            pending.set(false);
        }
    }

    private void send() {
        pending.set(false); // a change after this point asks for another report
        lastSentNanos = System.nanoTime();
        try {
            send.test(report.get());
        } catch (RuntimeException e) {
            // an exception would cancel the periodic schedule: log it and carry on
            LOG.warn("Could not send a report to the center", e);
        }
    }
}
