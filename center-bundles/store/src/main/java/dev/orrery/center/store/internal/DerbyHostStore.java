package dev.orrery.center.store.internal;

import dev.orrery.api.HostStatus;
import dev.orrery.center.store.HostInventory;
import dev.orrery.center.store.HostQuery;
import dev.orrery.center.store.HostRecord;
import dev.orrery.center.store.HostStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link HostStore} on the embedded database. Thread-safe: every call is one transaction. A
 * channel's report writes only the hosts whose presence changed; the time of each channel's
 * latest report is kept in memory and shown as the last-seen time of its online hosts.
 */
@Component(service = HostStore.class, immediate = true)
public final class DerbyHostStore implements HostStore {
    private final Database db;
    /** Channel id to the time of its latest report. */
    private final Map<String, Long> lastReports = new ConcurrentHashMap<>();

    /** @param db the database */
    @Activate
    public DerbyHostStore(@Reference(name = "database") Database db) {
        this.db = db;
    }

    @Override
    public void register(HostRecord host) {
        Objects.requireNonNull(host, "host");
        db.tx(c -> HostWrites.register(c, host));
    }

    @Override
    public void registerAll(List<HostRecord> hosts) {
        if (!hosts.isEmpty()) {
            db.tx(c -> {
                for (HostRecord h : hosts) {
                    HostWrites.register(c, h);
                }
                return null;
            });
        }
    }

    @Override
    public List<String> channelReport(String channelId, Collection<String> hostIds, long now) {
        Objects.requireNonNull(channelId, "channelId");
        List<String> arrived = db.tx(c -> Presence.channelReport(c, channelId, hostIds, now, lastReports.get(channelId)));
        lastReports.merge(channelId, now, Math::max);
        return arrived;
    }

    @Override
    public void channelLost(String channelId) {
        db.tx(c -> Presence.channelLost(c, channelId, lastReports.get(channelId)));
        lastReports.remove(channelId);
    }

    @Override
    public Optional<HostRecord> get(String hostId) {
        if (hostId == null) {
            return Optional.empty();
        }
        return db.tx(c -> HostRows.load(c, List.of(hostId))).stream().findFirst().map(this::seen);
    }

    @Override
    public List<HostRecord> getAll(Collection<String> hostIds) {
        if (hostIds == null || hostIds.isEmpty()) {
            return List.of();
        }
        return seenAll(db.tx(c -> HostRows.load(c, hostIds)));
    }

    @Override
    public Map<String, String> onlineChannels(Collection<String> hostIds) {
        if (hostIds == null || hostIds.isEmpty()) {
            return Map.of();
        }
        return db.tx(c -> Presence.onlineChannels(c, hostIds));
    }

    @Override
    public List<HostRecord> find(HostQuery query) {
        HostQuery q = query == null ? HostQuery.all() : query;
        if (q.limit() <= 0) {
            return List.of();
        }
        return db.tx(c -> {
            List<Object> args = new ArrayList<>();
            String where = HostFilter.where(q, args);
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT h.host_id FROM hosts h" + where
                    + " ORDER BY h.host_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                int i = HostFilter.bindAll(ps, args);
                ps.setInt(i++, Math.max(0, q.offset()));
                ps.setInt(i, q.limit());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return seenAll(HostRows.load(c, ids));
        });
    }

    @Override
    public int count(HostQuery query) {
        HostQuery q = query == null ? HostQuery.all() : query;
        return db.tx(c -> {
            List<Object> args = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM hosts h" + HostFilter.where(q, args))) {
                HostFilter.bindAll(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    @Override
    public Resolution resolve(Collection<String> names, Collection<String> groups) {
        return db.tx(c -> Resolver.resolve(c, names == null ? List.of() : names, groups == null ? List.of() : groups));
    }

    @Override
    public void updateStatus(String hostId, Map<String, String> sections, long now) {
        updateStatusAll(Map.of(hostId, sections), now);
    }

    @Override
    public void updateStatusAll(Map<String, Map<String, String>> sectionsByHost, long now) {
        if (!sectionsByHost.isEmpty()) {
            db.tx(c -> {
                for (Map.Entry<String, Map<String, String>> e : sectionsByHost.entrySet()) {
                    HostStatusRows.update(c, e.getKey(), e.getValue(), now);
                }
                return null;
            });
        }
    }

    @Override
    public Map<String, String> status(String hostId) {
        return hostId == null ? Map.of() : db.tx(c -> HostStatusRows.status(c, hostId));
    }

    @Override
    public Map<String, String> statusSection(String section, Collection<String> hostIds) {
        return hostIds.isEmpty() ? Map.of() : db.tx(c -> HostStatusRows.section(c, section, hostIds));
    }

    @Override
    public boolean setInventory(String hostId, HostInventory inventory) {
        return db.tx(c -> HostStatusRows.setInventory(c, hostId, inventory));
    }

    @Override
    public Optional<HostInventory> inventory(String hostId) {
        return db.tx(c -> {
            List<HostRecord> h = HostRows.load(c, List.of(hostId));
            return h.isEmpty() ? Optional.<HostInventory>empty() : HostStatusRows.inventory(c, hostId, h.get(0).groups(), h.get(0).labels());
        });
    }

    private List<HostRecord> seenAll(List<HostRecord> found) {
        return found.stream().map(this::seen).toList();
    }

    /** An online host was seen at its channel's latest report, which is kept in memory rather than written to every host. */
    private HostRecord seen(HostRecord h) {
        Long report = h.channel() == null ? null : lastReports.get(h.channel());
        if (h.status() != HostStatus.ONLINE || report == null || report <= h.lastSeen()) {
            return h;
        }
        return new HostRecord(h.hostId(), h.hostname(), h.ips(), h.sn(), h.idc(), h.channel(), h.status(), h.groups(), h.labels(),
                report);
    }
}
