package dev.orrery.center.store.internal;

import dev.orrery.api.HostStatus;
import dev.orrery.center.store.HostRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads whole {@link HostRecord}s (row, addresses, groups, labels) for a set of ids, a chunk at a time. */
final class HostRows {
    private HostRows() {
    }

    /**
     * @param c the connection
     * @param ids host ids; unknown ones are skipped
     * @return the hosts in the order of {@code ids}
     */
    static List<HostRecord> load(Connection c, Collection<String> ids) throws SQLException {
        Map<String, Row> rows = new HashMap<>();
        for (List<String> chunk : Sql.chunks(new LinkedHashSet<>(ids))) {
            String in = Sql.marks(chunk.size());
            try (PreparedStatement ps = c.prepareStatement("SELECT host_id, hostname, sn, idc, channel, status, last_seen"
                    + " FROM hosts WHERE host_id IN (" + in + ")")) {
                Sql.bind(ps, 1, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.put(rs.getString(1), new Row(rs));
                    }
                }
            }
            details(c, "SELECT host_id, ip, '' FROM host_ips WHERE host_id IN (" + in + ") ORDER BY host_id, pos", chunk,
                    (r, a, b) -> r.ips.add(a), rows);
            details(c, "SELECT host_id, group_name, '' FROM host_groups WHERE host_id IN (" + in + ") ORDER BY host_id, group_name",
                    chunk, (r, a, b) -> r.groups.add(a), rows);
            details(c, "SELECT host_id, label_key, label_value FROM host_labels WHERE host_id IN (" + in + ")", chunk,
                    (r, a, b) -> r.labels.put(a, b), rows);
        }
        List<HostRecord> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            Row r = rows.get(id);
            if (r != null) {
                out.add(r.toRecord());
            }
        }
        return out;
    }

    private interface Detail {
        void add(Row row, String a, String b);
    }

    private static void details(Connection c, String sql, List<String> chunk, Detail detail, Map<String, Row> rows)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, 1, chunk);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row r = rows.get(rs.getString(1));
                    if (r != null) {
                        detail.add(r, rs.getString(2), rs.getString(3));
                    }
                }
            }
        }
    }

    private static final class Row {
        final String hostId;
        final String hostname;
        final String sn;
        final String idc;
        final String channel;
        final HostStatus status;
        final long lastSeen;
        final List<String> ips = new ArrayList<>();
        final List<String> groups = new ArrayList<>();
        final Map<String, String> labels = new TreeMap<>();

        Row(ResultSet rs) throws SQLException {
            hostId = rs.getString(1);
            hostname = rs.getString(2);
            sn = rs.getString(3);
            idc = rs.getString(4);
            channel = rs.getString(5);
            status = HostStatus.valueOf(rs.getString(6));
            lastSeen = rs.getLong(7);
        }

        HostRecord toRecord() {
            return new HostRecord(hostId, hostname, ips, sn, idc, status == HostStatus.ONLINE ? channel : null, status,
                    groups, new LinkedHashMap<>(labels), lastSeen);
        }
    }
}
