package dev.orrery.center.store.internal;

import dev.orrery.api.HostStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Presence: which hosts are online on which channel. Each method runs inside the caller's transaction. */
final class Presence {
    private static final int BATCH = 1000;

    private Presence() {
    }

    /**
     * Records a channel's full set, writing only what changed: hosts that arrived are marked
     * online on it, hosts that left are marked offline (seen last at {@code previousReport});
     * hosts still there are not written (their last-seen time is the channel's latest report,
     * which the store keeps in memory).
     */
    static List<String> channelReport(Connection c, String channelId, Collection<String> hostIds, long now, Long previousReport)
            throws SQLException {
        Set<String> before = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT host_id FROM hosts WHERE channel = ? AND status = ?")) {
            ps.setString(1, channelId);
            ps.setString(2, HostStatus.ONLINE.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    before.add(rs.getString(1));
                }
            }
        }
        Set<String> reported = new LinkedHashSet<>(hostIds);
        List<String> arrived = new ArrayList<>();
        for (String id : reported) {
            if (!before.contains(id)) {
                arrived.add(id);
            }
        }
        try (PreparedStatement online = c.prepareStatement("UPDATE hosts SET channel = ?, status = ?, last_seen = ? WHERE host_id = ?")) {
            for (int from = 0; from < arrived.size(); from += BATCH) {
                List<String> chunk = arrived.subList(from, Math.min(arrived.size(), from + BATCH));
                for (String id : chunk) {
                    online.setString(1, channelId);
                    online.setString(2, HostStatus.ONLINE.name());
                    online.setLong(3, now);
                    online.setString(4, id);
                    online.addBatch();
                }
                int[] n = online.executeBatch();
                for (int k = 0; k < n.length; k++) {
                    if (n[k] == 0) {
                        // A host the store never saw register (e.g. a wiped store): keep it visible.
                        insertMinimal(c, chunk.get(k), channelId, now);
                    }
                }
            }
        }
        before.removeAll(reported);
        try (PreparedStatement gone = c.prepareStatement("UPDATE hosts SET channel = NULL, status = ?,"
                + " last_seen = CASE WHEN last_seen < ? THEN ? ELSE last_seen END WHERE host_id = ? AND channel = ?")) {
            long seen = previousReport == null ? 0 : previousReport;
            for (String id : before) {
                gone.setString(1, HostStatus.OFFLINE.name());
                gone.setLong(2, seen);
                gone.setLong(3, seen);
                gone.setString(4, id);
                gone.setString(5, channelId);
                gone.addBatch();
            }
            gone.executeBatch();
        }
        return arrived;
    }

    /** Marks every host of a channel offline, seen last at {@code lastReport} (the channel's latest report, if known). */
    static Void channelLost(Connection c, String channelId, Long lastReport) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE hosts SET channel = NULL, status = ?,"
                + " last_seen = CASE WHEN last_seen < ? THEN ? ELSE last_seen END WHERE channel = ?")) {
            long seen = lastReport == null ? 0 : lastReport;
            ps.setString(1, HostStatus.OFFLINE.name());
            ps.setLong(2, seen);
            ps.setLong(3, seen);
            ps.setString(4, channelId);
            ps.executeUpdate();
        }
        return null;
    }

    private static void insertMinimal(Connection c, String hostId, String channelId, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO hosts (host_id, hostname, sn, idc, channel, status, last_seen,"
                + " created_at) VALUES (?, ?, NULL, NULL, ?, ?, ?, ?)")) {
            ps.setString(1, hostId);
            ps.setString(2, hostId);
            ps.setString(3, channelId);
            ps.setString(4, HostStatus.ONLINE.name());
            ps.setLong(5, now);
            ps.setLong(6, now);
            ps.executeUpdate();
        }
    }

    /** @return host → channel for those of {@code hostIds} that are online */
    static Map<String, String> onlineChannels(Connection c, Collection<String> hostIds) throws SQLException {
        Map<String, String> out = new HashMap<>();
        for (List<String> chunk : Sql.chunks(new LinkedHashSet<>(hostIds))) {
            try (PreparedStatement ps = c.prepareStatement("SELECT host_id, channel FROM hosts WHERE status = 'ONLINE'"
                    + " AND channel IS NOT NULL AND host_id IN (" + Sql.marks(chunk.size()) + ")")) {
                Sql.bind(ps, 1, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return out;
    }
}
