package dev.orrery.center.store.internal;

import dev.orrery.api.HostStatus;
import dev.orrery.center.store.HostRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The writing half of the host store: registration and presence. Each method runs inside the caller's transaction. */
final class HostWrites {
    private static final String DUPLICATE_KEY = "23505";

    private HostWrites() {
    }

    static Void register(Connection c, HostRecord h) throws SQLException {
        long now = h.lastSeen() > 0 ? h.lastSeen() : System.currentTimeMillis();
        if (!updateIdentity(c, h, now)) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO hosts (host_id, hostname, sn, idc, channel, status,"
                    + " last_seen, created_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)")) {
                ps.setString(1, h.hostId());
                ps.setString(2, h.hostname());
                ps.setString(3, h.sn());
                ps.setString(4, h.idc());
                ps.setString(5, HostStatus.OFFLINE.name());
                ps.setLong(6, now);
                ps.setLong(7, now);
                ps.executeUpdate();
            } catch (SQLException e) {
                // A concurrent registration of the same host inserted it first: update instead.
                if (!DUPLICATE_KEY.equals(e.getSQLState()) || !updateIdentity(c, h, now)) {
                    throw e;
                }
            }
        }
        replaceIps(c, h.hostId(), h.ips());
        addGroups(c, h.hostId(), h.groups());
        putLabels(c, h.hostId(), h.labels());
        return null;
    }

    static List<String> channelReport(Connection c, String channelId, Collection<String> hostIds, long now) throws SQLException {
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
        try (PreparedStatement online = c.prepareStatement("UPDATE hosts SET channel = ?, status = ?, last_seen = ? WHERE host_id = ?")) {
            for (String id : reported) {
                online.setString(1, channelId);
                online.setString(2, HostStatus.ONLINE.name());
                online.setLong(3, now);
                online.setString(4, id);
                if (online.executeUpdate() == 0) {
                    // A host the store never saw register (e.g. a wiped store): keep it visible.
                    insertMinimal(c, id, channelId, now);
                }
                if (!before.contains(id)) {
                    arrived.add(id);
                }
            }
        }
        before.removeAll(reported);
        try (PreparedStatement gone = c.prepareStatement("UPDATE hosts SET channel = NULL, status = ? WHERE host_id = ? AND channel = ?")) {
            for (String id : before) {
                gone.setString(1, HostStatus.OFFLINE.name());
                gone.setString(2, id);
                gone.setString(3, channelId);
                gone.addBatch();
            }
            gone.executeBatch();
        }
        return arrived;
    }

    static Void channelLost(Connection c, String channelId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE hosts SET channel = NULL, status = ? WHERE channel = ?")) {
            ps.setString(1, HostStatus.OFFLINE.name());
            ps.setString(2, channelId);
            ps.executeUpdate();
        }
        return null;
    }

    private static boolean updateIdentity(Connection c, HostRecord h, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE hosts SET hostname = ?, sn = ?, idc = ?, last_seen = ? WHERE host_id = ?")) {
            ps.setString(1, h.hostname());
            ps.setString(2, h.sn());
            ps.setString(3, h.idc());
            ps.setLong(4, now);
            ps.setString(5, h.hostId());
            return ps.executeUpdate() == 1;
        }
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

    private static void replaceIps(Connection c, String hostId, List<String> ips) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM host_ips WHERE host_id = ?")) {
            del.setString(1, hostId);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO host_ips (host_id, ip, pos) VALUES (?, ?, ?)")) {
            int pos = 0;
            for (String ip : new LinkedHashSet<>(ips)) {
                if (ip == null || ip.isBlank()) {
                    continue;
                }
                ps.setString(1, hostId);
                ps.setString(2, ip);
                ps.setInt(3, pos++);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void addGroups(Connection c, String hostId, List<String> groups) throws SQLException {
        Set<String> have = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT group_name FROM host_groups WHERE host_id = ?")) {
            ps.setString(1, hostId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    have.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO host_groups (host_id, group_name) VALUES (?, ?)")) {
            for (String g : new LinkedHashSet<>(groups)) {
                if (g == null || g.isBlank() || !have.add(g)) {
                    continue;
                }
                ps.setString(1, hostId);
                ps.setString(2, g);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void putLabels(Connection c, String hostId, Map<String, String> labels) throws SQLException {
        try (PreparedStatement upd = c.prepareStatement("UPDATE host_labels SET label_value = ? WHERE host_id = ? AND label_key = ?");
                PreparedStatement ins = c.prepareStatement("INSERT INTO host_labels (host_id, label_key, label_value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> e : labels.entrySet()) {
                upd.setString(1, e.getValue());
                upd.setString(2, hostId);
                upd.setString(3, e.getKey());
                if (upd.executeUpdate() == 0) {
                    ins.setString(1, hostId);
                    ins.setString(2, e.getKey());
                    ins.setString(3, e.getValue());
                    ins.executeUpdate();
                }
            }
        }
    }
}
