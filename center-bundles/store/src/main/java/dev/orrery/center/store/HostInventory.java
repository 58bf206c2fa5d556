package dev.orrery.center.store;

import java.util.List;
import java.util.Map;

/**
 * What the inventory says a host should be: set by {@code PUT /hosts/{id}}, compared with what the
 * agent reports.
 *
 * @param owner who answers for the host (a person or team), {@code null} if unset
 * @param groups the host groups; {@code null} leaves the groups as they are
 * @param labels free key/value labels; {@code null} leaves them as they are
 * @param expectedSn the serial number the host should report, {@code null} if not checked
 * @param expectedIp an address the host should report, {@code null} if not checked
 */
public record HostInventory(String owner, List<String> groups, Map<String, String> labels, String expectedSn,
        String expectedIp) {
    public HostInventory {
        groups = groups == null ? null : List.copyOf(groups);
        labels = labels == null ? null : Map.copyOf(labels);
    }
}
