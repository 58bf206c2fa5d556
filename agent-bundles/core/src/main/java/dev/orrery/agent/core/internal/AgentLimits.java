package dev.orrery.agent.core.internal;

import dev.orrery.protocol.Message;

/**
 * The validated settings of what the agent reports and how it limits itself: status reporting,
 * the data channel spool and its upload, and the watchdog.
 *
 * @param statusSeconds how often the status sources are read and the changed sections sent
 * @param statusFullSeconds the longest time the {@code agent} section goes unsent while nothing material changed
 * @param dataSpoolMaxBytes the most bytes of data records kept on disk
 * @param dataSpoolMaxRecords the most data records kept on disk
 * @param dataBatchRecords the most records in one upload
 * @param dataAckTimeoutSeconds how long an upload waits for the center's ack before it is sent again
 * @param watchdogCpuPercent CPU cap in percent of one core over a sampling interval; 0: off
 * @param watchdogHeapPercent cap of the heap in use after the latest collection, in percent of the maximum; 0: off
 * @param watchdogIntervalSeconds how often usage is sampled
 * @param watchdogMaxDelaySeconds how long a new task waits for the CPU to drop under its cap before it is refused
 */
record AgentLimits(int statusSeconds, int statusFullSeconds, long dataSpoolMaxBytes, int dataSpoolMaxRecords,
        int dataBatchRecords, int dataAckTimeoutSeconds, int watchdogCpuPercent, int watchdogHeapPercent,
        int watchdogIntervalSeconds, int watchdogMaxDelaySeconds) {

    /** The smallest spool: four records of the largest size. */
    static final long MIN_SPOOL_BYTES = 65_536;

    AgentLimits {
        require(statusSeconds >= 1, "statusSeconds must be at least 1: " + statusSeconds);
        require(statusFullSeconds >= statusSeconds,
                "statusFullSeconds (" + statusFullSeconds + ") must not be below statusSeconds (" + statusSeconds + ")");
        require(dataSpoolMaxBytes >= MIN_SPOOL_BYTES, "dataSpoolMaxBytes must be at least 65536: " + dataSpoolMaxBytes);
        require(dataSpoolMaxRecords >= 1, "dataSpoolMaxRecords must be at least 1: " + dataSpoolMaxRecords);
        require(dataBatchRecords >= 1 && dataBatchRecords <= Message.MAX_RECORDS,
                "dataBatchRecords must be within 1.." + Message.MAX_RECORDS + ": " + dataBatchRecords);
        require(dataAckTimeoutSeconds >= 1, "dataAckTimeoutSeconds must be at least 1: " + dataAckTimeoutSeconds);
        require(watchdogCpuPercent >= 0 && watchdogCpuPercent <= 100_000,
                "watchdogCpuPercent must be 0 (off) or a percentage of one core: " + watchdogCpuPercent);
        require(watchdogHeapPercent >= 0 && watchdogHeapPercent <= 100,
                "watchdogHeapPercent must be within 0 (off)..100: " + watchdogHeapPercent);
        require(watchdogIntervalSeconds >= 1, "watchdogIntervalSeconds must be at least 1: " + watchdogIntervalSeconds);
        require(watchdogMaxDelaySeconds >= 0, "watchdogMaxDelaySeconds must not be negative: " + watchdogMaxDelaySeconds);
    }

    /** @return every default: as in {@link AgentConfig} */
    static AgentLimits defaults() {
        return new AgentLimits(30, 300, 64L << 20, 200_000, 500, 15, 50, 85, 5, 60);
    }

    /**
     * @param c the typed configuration
     * @return the validated limits
     * @throws IllegalArgumentException naming the first bad setting
     */
    static AgentLimits of(AgentConfig c) {
        return new AgentLimits(c.statusSeconds(), c.statusFullSeconds(), c.dataSpoolMaxBytes(), c.dataSpoolMaxRecords(),
                c.dataBatchRecords(), c.dataAckTimeoutSeconds(), c.watchdogCpuPercent(), c.watchdogHeapPercent(),
                c.watchdogIntervalSeconds(), c.watchdogMaxDelaySeconds());
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
