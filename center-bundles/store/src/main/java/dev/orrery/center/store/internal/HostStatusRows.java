package dev.orrery.center.store.internal;

import dev.orrery.center.store.HostInventory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents' status sections and the inventory of hosts (owner, expected SN/IP, groups, labels).
 * Each method runs inside the caller's transaction.
 */
final class HostStatusRows {
    /** Longest section name kept. */
    static final int MAX_SECTION = 64;
    /** Longest section text kept (the column's size). */
    static final int MAX_JSON = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(HostStatusRows.class);
    private static final String FOREIGN_KEY = "23503";
    private static final String DUPLICATE_KEY = "23505";

    private HostStatusRows() {
    }

    /** Replaces the given sections of a host; an unknown host, a too long name or text is skipped. */
    static Void update(Connection c, String hostId, Map<String, String> sections, long now) throws SQLException {
        try (PreparedStatement upd = c.prepareStatement("UPDATE host_status SET json = ?, updated_at = ? WHERE host_id = ? AND section = ?");
                PreparedStatement ins = c.prepareStatement("INSERT INTO host_status (host_id, section, json, updated_at) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, String> e : new TreeMap<>(sections).entrySet()) {
                if (e.getKey().isEmpty() || e.getKey().length() > MAX_SECTION || e.getValue() == null || e.getValue().length() > MAX_JSON) {
                    LOG.debug("Skipping status section {} of host {}: name or text out of bounds", Sql.cut(e.getKey(), 80), hostId);
                    continue;
                }
                if (write(upd, ins, hostId, e.getKey(), e.getValue(), now) == Written.UNKNOWN_HOST) {
                    LOG.debug("Ignoring the status of unknown host {}", hostId);
                    return null;
                }
            }
        }
        return null;
    }

    private enum Written { OK, UNKNOWN_HOST }

    private static Written write(PreparedStatement upd, PreparedStatement ins, String hostId, String section, String json, long now)
            throws SQLException {
        upd.setString(1, json);
        upd.setLong(2, now);
        upd.setString(3, hostId);
        upd.setString(4, section);
        if (upd.executeUpdate() == 1) {
            return Written.OK;
        }
        ins.setString(1, hostId);
        ins.setString(2, section);
        ins.setString(3, json);
        ins.setLong(4, now);
        try {
            ins.executeUpdate();
        } catch (SQLException e) {
            if (FOREIGN_KEY.equals(e.getSQLState())) {
                return Written.UNKNOWN_HOST;
            }
            if (!DUPLICATE_KEY.equals(e.getSQLState()) || upd.executeUpdate() != 1) {
                throw e;
            }
        }
        return Written.OK;
    }

    /** @return section → text of one host */
    static Map<String, String> status(Connection c, String hostId) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT section, json FROM host_status WHERE host_id = ?")) {
            ps.setString(1, hostId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** @return host → text of one section, for those hosts that reported it */
    static Map<String, String> section(Connection c, String section, Collection<String> hostIds) throws SQLException {
        Map<String, String> out = new HashMap<>();
        for (List<String> chunk : Sql.chunks(new LinkedHashSet<>(hostIds))) {
            try (PreparedStatement ps = c.prepareStatement("SELECT host_id, json FROM host_status WHERE section = ? AND host_id IN ("
                    + Sql.marks(chunk.size()) + ")")) {
                ps.setString(1, section);
                Sql.bind(ps, 2, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return out;
    }

    /** @return whether the host exists; sets owner and expectations, and groups and labels where given */
    static boolean setInventory(Connection c, String hostId, HostInventory inv) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE hosts SET owner = ?, expected_sn = ?, expected_ip = ? WHERE host_id = ?")) {
            ps.setString(1, inv.owner());
            ps.setString(2, inv.expectedSn());
            ps.setString(3, inv.expectedIp());
            ps.setString(4, hostId);
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        if (inv.groups() != null) {
            delete(c, "DELETE FROM host_groups WHERE host_id = ?", hostId);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO host_groups (host_id, group_name) VALUES (?, ?)")) {
                for (String g : new java.util.TreeSet<>(inv.groups())) {
                    ps.setString(1, hostId);
                    ps.setString(2, g);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (inv.labels() != null) {
            delete(c, "DELETE FROM host_labels WHERE host_id = ?", hostId);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO host_labels (host_id, label_key, label_value) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> e : new TreeMap<>(inv.labels()).entrySet()) {
                    ps.setString(1, hostId);
                    ps.setString(2, e.getKey());
                    ps.setString(3, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        return true;
    }

    private static void delete(Connection c, String sql, String hostId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, hostId);
            ps.executeUpdate();
        }
    }

    /** @return owner and expectations of a host, with {@code groups} and {@code labels} as read; empty if unknown */
    static Optional<HostInventory> inventory(Connection c, String hostId, List<String> groups, Map<String, String> labels)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT owner, expected_sn, expected_ip FROM hosts WHERE host_id = ?")) {
            ps.setString(1, hostId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new HostInventory(rs.getString(1), groups, labels, rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }
}
