package dev.orrery.channel.relay.internal;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Jittered exponential backoff: the n-th delay is drawn uniformly from the upper half of
 * {@code min(max, min * 2^n)}, never below {@code min}. The jitter spreads a reconnect storm
 * (every channel of a cluster losing the center at once) over time. Thread-safe.
 */
final class Backoff {
    private final long minMs;
    private final long maxMs;
    private int attempt;

    /**
     * @param minMs the first delay's ceiling and every delay's floor, positive
     * @param maxMs the largest delay, at least {@code minMs}
     */
    Backoff(long minMs, long maxMs) {
        if (minMs <= 0 || maxMs < minMs) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max, was " + minMs + ", " + maxMs);
        }
        this.minMs = minMs;
        this.maxMs = maxMs;
    }

    /** @return the delay before the next attempt, in milliseconds; each call lengthens the following one */
    synchronized long nextDelayMs() {
        long ceiling = ceiling(attempt);
        if (ceiling < maxMs) {
            attempt++;
        }
        long floor = Math.max(minMs, ceiling / 2);
        return floor >= ceiling ? ceiling : ThreadLocalRandom.current().nextLong(floor, ceiling + 1);
    }

    /** Starts again from the shortest delay, after a success. */
    synchronized void reset() {
        attempt = 0;
    }

    private long ceiling(int n) {
        // shift in steps so the product cannot overflow
        long c = minMs;
        for (int i = 0; i < n && c < maxMs; i++) {
            c *= 2;
        }
        return Math.min(c, maxMs);
    }
}
