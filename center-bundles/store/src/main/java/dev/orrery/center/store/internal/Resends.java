package dev.orrery.center.store.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.center.store.TaskStore.Resend;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** {@code DISPATCHED} host tasks whose Ack RECEIVED is overdue, found through the (state, resend_at) index. */
final class Resends {
    private Resends() {
    }

    static List<Resend> due(Connection c, long now, int limit) throws SQLException {
        List<Resend> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT task_id, host_id, channel, sends, undelivered FROM host_tasks"
                + " WHERE state = 'DISPATCHED' AND resend_at <= ? ORDER BY resend_at FETCH FIRST ? ROWS ONLY")) {
            ps.setLong(1, now);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Resend(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5)));
                }
            }
        }
        return out;
    }

    /**
     * Claims a due host task: exactly one caller that read {@code sends} wins. With a channel it
     * is being sent again through it; without, its host is offline and it waits flagged
     * undelivered (sent when the host comes back) until its next resend time.
     */
    static boolean claim(Connection c, String taskId, String hostId, int sends, String channel, long now, long resendAt)
            throws SQLException {
        String set = channel == null
                ? "undelivered = TRUE, error_code = COALESCE(error_code, '" + ErrorCode.HOST_OFFLINE.name() + "')"
                : "undelivered = FALSE, error_code = NULL, channel = ?";
        try (PreparedStatement ps = c.prepareStatement("UPDATE host_tasks SET " + set + ", resend_at = ?, sends = sends + 1,"
                + " updated_at = ? WHERE task_id = ? AND host_id = ? AND state = 'DISPATCHED' AND sends = ?")) {
            int i = 1;
            if (channel != null) {
                ps.setString(i++, channel);
            }
            ps.setLong(i++, resendAt);
            ps.setLong(i++, now);
            ps.setString(i++, taskId);
            ps.setString(i++, hostId);
            ps.setInt(i, sends);
            return ps.executeUpdate() == 1;
        }
    }
}
