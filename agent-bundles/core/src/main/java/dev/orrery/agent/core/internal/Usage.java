package dev.orrery.agent.core.internal;

/**
 * What the agent's process uses, as the {@link Watchdog} samples it.
 *
 * @param cpuPercent CPU used since the previous sample, in percent of one core (200: two cores)
 * @param heapUsed bytes of heap in use now
 * @param heapLive bytes of heap in use right after the latest garbage collection (what the memory cap compares)
 * @param heapMax the maximum heap in bytes
 * @param rssBytes resident set size in bytes; -1 if unknown
 * @param threads live threads of the process
 */
record Usage(int cpuPercent, long heapUsed, long heapLive, long heapMax, long rssBytes, int threads) {
    /** Before the first sample. */
    static final Usage NONE = new Usage(0, 0, 0, 0, -1, 0);

    /** Measures the process; injectable, so tests drive the watchdog without burning CPU. */
    interface Probe {
        /** @return the usage now, CPU over the time since the previous call */
        Usage read();
    }

    /** @return live heap in percent of the maximum, 0 if the maximum is unknown */
    int heapPercent() {
        return heapMax <= 0 ? 0 : (int) (heapLive * 100 / heapMax);
    }

    /** @param bytes a size @return it in whole MiB */
    static long mib(long bytes) {
        return bytes < 0 ? -1 : Math.round(bytes / 1048576.0);
    }
}
