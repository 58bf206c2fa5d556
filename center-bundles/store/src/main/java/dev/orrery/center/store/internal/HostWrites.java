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
import java.util.Objects;
import java.util.Set;

/** The writing half of the host store: registration. Each method runs inside the caller's transaction. */
final class HostWrites {
    private static final String DUPLICATE_KEY = "23505";

    private HostWrites() {
    }

    static Void register(Connection c, HostRecord h) throws SQLException {
        List<HostRecord> known = HostRows.load(c, List.of(h.hostId()));
        if (!known.isEmpty() && unchanged(known.get(0), h)) {
            // An agent registering again with the same identity (every reconnect): nothing to write.
            return null;
        }
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

    private static boolean unchanged(HostRecord known, HostRecord h) {
        List<String> ips = h.ips().stream().filter(ip -> ip != null && !ip.isBlank()).distinct().toList();
        return Objects.equals(known.hostname(), h.hostname()) && Objects.equals(known.sn(), h.sn())
                && Objects.equals(known.idc(), h.idc()) && known.ips().equals(ips)
                && h.groups().stream().allMatch(g -> g == null || g.isBlank() || known.groups().contains(g))
                && h.labels().entrySet().stream().allMatch(e -> e.getValue().equals(known.labels().get(e.getKey())));
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
