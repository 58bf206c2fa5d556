package dev.orrery.center.link.internal;

import dev.orrery.center.store.HostRecord;
import dev.orrery.center.store.HostStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The datacenter of each host, in memory: filled when an agent registers, and for hosts seen in
 * channel reports but not registered since this center started (a center restart) read once
 * from the {@link HostStore}. Thread-safe.
 */
final class HostIdcs {
    private static final Logger LOG = LoggerFactory.getLogger(HostIdcs.class);
    /** Marks a host the store does not know, so it is not looked up again and again. */
    private static final String UNKNOWN = "\u0000";

    private final ConcurrentMap<String, String> byHost = new ConcurrentHashMap<>();
    private final HostStore store;

    /** @param store where hosts registered before this center started are found */
    HostIdcs(HostStore store) {
        this.store = store;
    }

    /** @param hostId a host that just registered @param idc its datacenter */
    void put(String hostId, String idc) {
        byHost.put(hostId, idc == null ? "" : idc);
    }

    /** @param hostId a host @return its datacenter, or {@code null} if unknown */
    String idcOf(String hostId) {
        String idc = byHost.get(hostId);
        return idc == null || idc.equals(UNKNOWN) ? null : idc;
    }

    /**
     * Looks up, in one store call, the hosts of which nothing is known yet. Store I/O: never
     * call it on an I/O thread.
     *
     * @param hostIds hosts seen in reports
     */
    void learn(Collection<String> hostIds) {
        List<String> missing = new ArrayList<>();
        for (String h : hostIds) {
            if (!byHost.containsKey(h)) {
                missing.add(h);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try {
            for (HostRecord r : store.getAll(missing)) {
                byHost.putIfAbsent(r.hostId(), r.idc() == null ? "" : r.idc());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not read the datacenters of {} hosts: {}", missing.size(), e.getMessage());
            return;
        }
        missing.forEach(h -> byHost.putIfAbsent(h, UNKNOWN));
    }
}
