package dev.orrery.center.store;

import dev.orrery.api.HostStatus;

/**
 * A filter over hosts; {@code null} fields match everything.
 *
 * @param status only hosts in this status
 * @param group only hosts in this group
 * @param text substring matched against hostId, hostname, IPs and SN
 * @param offset rows to skip
 * @param limit most rows to return
 */
public record HostQuery(HostStatus status, String group, String text, int offset, int limit) {
    /** @return a query matching every host, first 1000 */
    public static HostQuery all() {
        return new HostQuery(null, null, null, 0, 1000);
    }
}
