package dev.orrery.bench.sim;

import dev.orrery.bench.StatusLine;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of one simulator process, reported to the driver as {@code @stats} lines. Thread-safe. */
final class SimStats {
    /** Channel sessions open right now (Hello sent). */
    final AtomicInteger open = new AtomicInteger();
    /** Certificates received by enrolling (TLS). */
    final AtomicLong enrolled = new AtomicLong();
    /** Welcomes received. */
    final AtomicLong registered = new AtomicLong();
    /** Registrations that failed (refused, closed, timed out) and were retried. */
    final AtomicLong registerFailures = new AtomicLong();
    /** Channel sessions closed before the channel ever spoke (admission refusals, failed connects). */
    final AtomicLong refused = new AtomicLong();
    /** Redirects obeyed. */
    final AtomicLong redirects = new AtomicLong();
    /** Tasks received, duplicates included. */
    final AtomicLong tasks = new AtomicLong();
    /** Results sent, resends included. */
    final AtomicLong results = new AtomicLong();
    /** Results sent again (not acknowledged in time, or after a reconnect). */
    final AtomicLong resends = new AtomicLong();
    /** Ack STORED received for a pending result. */
    final AtomicLong stored = new AtomicLong();
    /** Ack QUEUED received: the center had the result and was busy storing. */
    final AtomicLong queued = new AtomicLong();

    StatusLine line() {
        return StatusLine.of("stats", "open", open.get(), "registered", registered.get(), "registerFailures",
                registerFailures.get(), "refused", refused.get(), "redirects", redirects.get(), "tasks", tasks.get(),
                "results", results.get(), "resends", resends.get(), "stored", stored.get(), "queued", queued.get(), "enrolled", enrolled.get());
    }
}
