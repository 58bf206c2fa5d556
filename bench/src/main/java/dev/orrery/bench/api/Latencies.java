package dev.orrery.bench.api;

import java.util.Arrays;

/** Latencies in milliseconds, recorded from several threads; percentiles by sorting once. */
public final class Latencies {
    private long[] values = new long[1024];
    private int size;

    public synchronized void add(long millis) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = millis;
    }

    public synchronized int count() {
        return size;
    }

    /** @param p a percentile, 0 to 100 @return the nearest-rank value, or 0 when empty */
    public synchronized long percentile(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.min(size, Math.max(1, rank)) - 1];
    }
}
