package dev.orrery.protocol;

import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * Jittered exponential backoff. Attempt {@code n} (from 0) waits a uniformly random time in
 * {@code [max(min, c/2), c]} with {@code c = min(max, min * 2^(n+1))}: the delay doubles with each
 * failure, never leaves {@code [min, max]}, and spreads a crowd of agents that lost the same
 * channel, or a channel cluster that lost the center. Used by every reconnecting link.
 * Thread-safe.
 */
public final class Backoff {
    private final long min;
    private final long max;
    private final RandomGenerator random;
    private int attempt;

    /**
     * @param min smallest delay, ms, at least 1
     * @param max largest delay, ms, at least {@code min}
     * @param random source of jitter
     */
    public Backoff(long min, long max, RandomGenerator random) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("need 1 <= min <= max, got " + min + ".." + max);
        }
        this.min = min;
        this.max = max;
        this.random = random;
    }

    /**
     * @param min smallest delay, ms, at least 1
     * @param max largest delay, ms, at least {@code min}
     */
    public Backoff(long min, long max) {
        this(min, max, new Random());
    }

    /** @return the delay before the next attempt, in milliseconds; each call lengthens the following one */
    public synchronized long next() {
        long ceiling = min;
        for (int i = 0; i <= attempt && ceiling < max; i++) {
            ceiling = ceiling > max / 2 ? max : ceiling * 2;
        }
        ceiling = Math.min(ceiling, max);
        long floor = Math.max(min, ceiling / 2);
        if (attempt < 62) {
            attempt++;
        }
        return floor + random.nextLong(ceiling - floor + 1);
    }

    /** Starts again from the smallest delay, after a success. */
    public synchronized void reset() {
        attempt = 0;
    }
}
