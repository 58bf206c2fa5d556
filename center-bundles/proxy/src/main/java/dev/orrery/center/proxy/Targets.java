package dev.orrery.center.proxy;

import java.util.List;

/**
 * What a task runs on.
 *
 * @param hosts host names: hostId, hostname, IP or SN
 * @param groups host groups
 */
public record Targets(List<String> hosts, List<String> groups) {
    public Targets {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** @return {@code true} if nothing is named */
    public boolean isEmpty() {
        return hosts.isEmpty() && groups.isEmpty();
    }
}
