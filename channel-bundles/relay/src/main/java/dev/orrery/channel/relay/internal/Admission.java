package dev.orrery.channel.relay.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Admits new agent sessions at a bounded rate: a token bucket of {@code burst} tokens refilled
 * at {@code perSecond}. A reconnect storm (every agent of a dead channel arriving at once) is
 * then spread over time by the agents' own jittered backoff instead of taking the channel down:
 * a refused agent is closed at once, before any work is done for it. Thread-safe; called on
 * I/O threads, never blocks for longer than a short monitor.
 */
final class Admission {
    private final double perNano;
    private final double burst;
    private final LongSupplier nanoClock;
    private final AtomicLong admitted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private double tokens;
    private long last;

    /**
     * @param perSecond sessions admitted per second in the long run, at least 1
     * @param burst sessions admitted at once after a quiet time, at least 1
     * @param nanoClock monotonic clock in nanoseconds ({@code System::nanoTime} outside tests)
     */
    Admission(int perSecond, int burst, LongSupplier nanoClock) {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("need perSecond >= 1 and burst >= 1, got " + perSecond + ", " + burst);
        }
        this.perNano = perSecond / (double) TimeUnit.SECONDS.toNanos(1);
        this.burst = burst;
        this.nanoClock = nanoClock;
        this.tokens = burst;
        this.last = nanoClock.getAsLong();
    }

    /** @param perSecond sessions per second @param burst sessions at once */
    Admission(int perSecond, int burst) {
        this(perSecond, burst, System::nanoTime);
    }

    /** @return {@code true} if one more session may be admitted now (a token was taken) */
    boolean tryAdmit() {
        boolean ok;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            tokens = Math.min(burst, tokens + (now - last) * perNano);
            last = now;
            ok = tokens >= 1;
            if (ok) {
                tokens -= 1;
            }
        }
        (ok ? admitted : refused).incrementAndGet();
        return ok;
    }

    /** @return sessions admitted since start */
    long admitted() {
        return admitted.get();
    }

    /** @return sessions refused since start */
    long refused() {
        return refused.get();
    }
}
