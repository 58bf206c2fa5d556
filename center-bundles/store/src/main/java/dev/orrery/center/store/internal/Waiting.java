package dev.orrery.center.store.internal;

import dev.orrery.api.ErrorCode;
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
            try (PreparedStatement ps = c.prepareStatement("SELECT " + TaskRows.HOST_TASK_COLUMNS + " FROM host_tasks"
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

    /**
     * Flags DISPATCHED host tasks undelivered; {@code reason} is kept in error_code (a
     * non-final host task has no error otherwise) and becomes the error if it times out so.
     */
    static int flag(Connection c, ErrorCode reason, String where, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE host_tasks SET undelivered = TRUE, error_code = ?, updated_at = ? WHERE "
                + where + " AND state = 'DISPATCHED'")) {
            ps.setString(1, reason.name());
            ps.setLong(2, System.currentTimeMillis());
            Sql.bind(ps, 3, List.of(args));
            return ps.executeUpdate();
        }
    }

    static boolean claim(Connection c, String taskId, String hostId, String channel, long now, long resendAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE host_tasks SET undelivered = FALSE, error_code = NULL, channel = ?,"
                + " dispatched_at = ?, updated_at = ?, resend_at = ?, sends = sends + 1"
                + " WHERE task_id = ? AND host_id = ? AND state = 'DISPATCHED' AND undelivered = TRUE")) {
            ps.setString(1, channel);
            ps.setLong(2, now);
            ps.setLong(3, now);
            ps.setLong(4, resendAt);
            ps.setString(5, taskId);
            ps.setString(6, hostId);
            return ps.executeUpdate() == 1;
        }
    }
}
