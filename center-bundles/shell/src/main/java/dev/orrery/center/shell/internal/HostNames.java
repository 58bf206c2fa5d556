package dev.orrery.center.shell.internal;

import dev.orrery.center.store.HostRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How hosts are named in result tables: by hostname, which people recognise, unless several
 * shown hosts share it (agents on one machine), then as {@code hostname (hostId)}; by hostId
 * when the hostname is unknown.
 */
final class HostNames {
    private HostNames() {
    }

    /**
     * @param hostIds the hosts about to be shown
     * @param lookup finds a host by id
     * @return hostId to shown name
     */
    static Function<String, String> of(List<String> hostIds, Function<String, Optional<HostRecord>> lookup) {
        Map<String, String> hostnames = new HashMap<>();
        Map<String, Integer> uses = new HashMap<>();
        for (String id : hostIds) {
            String name = lookup.apply(id).map(HostRecord::hostname).filter(n -> !n.isBlank()).orElse(id);
            hostnames.put(id, name);
            uses.merge(name, 1, Integer::sum);
        }
        return id -> {
            String name = hostnames.getOrDefault(id, id);
            return uses.getOrDefault(name, 0) > 1 && !name.equals(id) ? name + " (" + id + ")" : name;
        };
    }
}
