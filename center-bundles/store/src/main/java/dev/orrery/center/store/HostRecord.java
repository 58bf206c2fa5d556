package dev.orrery.center.store;

import dev.orrery.api.HostStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A host as the center knows it.
 *
 * @param hostId stable id
 * @param hostname name reported by the agent
 * @param ips every address, primary first
 * @param sn serial number
 * @param idc datacenter
 * @param channel id of the channel holding its connection, {@code null} when offline
 * @param status online or offline
 * @param groups host groups
 * @param labels free key/value labels
 * @param lastSeen epoch ms of the last registration or report naming it
 */
public record HostRecord(String hostId, String hostname, List<String> ips, String sn, String idc, String channel,
        HostStatus status, List<String> groups, Map<String, String> labels, long lastSeen) {
    public HostRecord {
        Objects.requireNonNull(hostId, "hostId");
        ips = List.copyOf(ips);
        groups = List.copyOf(groups);
        labels = Map.copyOf(labels);
    }

    /** @return the primary address, or {@code null} when none is known */
    public String primaryIp() {
        return ips.isEmpty() ? null : ips.get(0);
    }
}
