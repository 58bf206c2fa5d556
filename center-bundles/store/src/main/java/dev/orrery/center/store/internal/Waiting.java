package dev.orrery.center.store.internal;

import dev.orrery.center.store.HostTaskRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/** Host tasks waiting to be sent: {@code PENDING} ones, and {@code DISPATCHED} ones flagged undelivered. */
final class Waiting {
    private Waiting() {
    }

    /** A host task with its creation time, for ordering oldest first. */
    private record Aged(HostTaskRecord record, long createdAt) {
    }

    static List<HostTaskRecord> find(Connection c, Collection<String> hostIds, String condition) throws SQLException {
        List<Aged> found = new ArrayList<>();
        if (hostIds == null || hostIds.isEmpty()) {
            return List.of();
        }
        for (List<String> chunk : Sql.chunks(new LinkedHashSet<>(hostIds))) {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + TaskRows.HOST_TASK_COLUMNS + ", created_at FROM host_tasks"
                    + " WHERE host_id IN (" + Sql.marks(chunk.size()) + ") AND " + condition)) {
                Sql.bind(ps, 1, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(new Aged(TaskRows.hostTask(rs), rs.getLong("created_at")));
                    }
                }
            }
        }
        // Padding repeats ids inside a chunk but IN matches each row once, so there are no duplicates.
        found.sort(Comparator.comparingLong(Aged::createdAt).thenComparing(a -> a.record().taskId())
                .thenComparing(a -> a.record().hostId()));
        return found.stream().map(Aged::record).toList();
    }

    static int flag(Connection c, String where, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE host_tasks SET undelivered = TRUE, updated_at = ? WHERE "
                + where + " AND state = 'DISPATCHED'")) {
            ps.setLong(1, System.currentTimeMillis());
            Sql.bind(ps, 2, List.of(args));
            return ps.executeUpdate();
        }
    }

    static boolean claim(Connection c, String taskId, String hostId, String channel, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE host_tasks SET undelivered = FALSE, channel = ?, dispatched_at = ?,"
                + " updated_at = ? WHERE task_id = ? AND host_id = ? AND state = 'DISPATCHED' AND undelivered = TRUE")) {
            ps.setString(1, channel);
            ps.setLong(2, now);
            ps.setLong(3, now);
            ps.setString(4, taskId);
            ps.setString(5, hostId);
            return ps.executeUpdate() == 1;
        }
    }
}
