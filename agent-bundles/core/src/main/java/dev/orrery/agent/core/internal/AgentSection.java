package dev.orrery.agent.core.internal;

import dev.orrery.api.JsonText;

/**
 * The core's own status section {@value StatusSources#AGENT}: version, the channel and the local
 * address used to reach it ({@code primaryIp}), running tasks, usage (rounded: whole percent, MiB),
 * the watchdog and the data spool. Its {@link #material()} fingerprint leaves out the noise (small
 * moves of usage, counters), so the section is not resent every interval for nothing.
 *
 * @param version the agent's version
 * @param channel the channel connected to, empty if none
 * @param primaryIp the local address of the channel connection, empty if none
 * @param runningTasks tasks running now
 * @param watchdog the watchdog's state and latest sample
 * @param data the spool
 */
record AgentSection(String version, String channel, String primaryIp, int runningTasks, Watchdog.State watchdog,
        DataSpool.Stats data) {

    /** @return the section as a JSON object */
    String json() {
        Usage u = watchdog.usage();
        return "{\"version\":" + JsonText.quote(version) + ",\"channel\":" + JsonText.quote(channel)
                + ",\"primaryIp\":" + JsonText.quote(primaryIp)
                + ",\"tasks\":{\"running\":" + runningTasks + "}"
                + ",\"usage\":{\"cpuPercent\":" + u.cpuPercent() + ",\"heapUsedMiB\":" + Usage.mib(u.heapUsed())
                + ",\"heapLiveMiB\":" + Usage.mib(u.heapLive()) + ",\"heapMaxMiB\":" + Usage.mib(u.heapMax())
                + ",\"rssMiB\":" + Usage.mib(u.rssBytes()) + ",\"threads\":" + u.threads() + "}"
                + ",\"watchdog\":{\"cpuCapPercent\":" + watchdog.cpuCap() + ",\"heapCapPercent\":" + watchdog.heapCap()
                + ",\"shedding\":" + watchdog.shedding() + ",\"cpuOver\":" + watchdog.cpuOver()
                + ",\"memoryOver\":" + watchdog.memoryOver() + ",\"tasksShed\":" + watchdog.shed() + "}"
                + ",\"data\":{\"spooledRecords\":" + data.records() + ",\"spooledBytes\":" + data.bytes()
                + ",\"dropped\":" + data.dropped() + "}}";
    }

    /**
     * @return what makes the section worth sending before its refresh time: identity, link, watchdog
     *     transitions, CPU in steps of 25 %, live heap in steps of 10 % of the maximum, drops
     */
    String material() {
        Usage u = watchdog.usage();
        return version + '|' + channel + '|' + primaryIp + '|' + watchdog.cpuOver() + '|' + watchdog.memoryOver() + '|'
                + Math.min(u.cpuPercent(), 1000) / 25 + '|' + u.heapPercent() / 10 + '|' + data.dropped();
    }

}
