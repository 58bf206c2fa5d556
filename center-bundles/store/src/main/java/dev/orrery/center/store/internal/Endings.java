package dev.orrery.center.store.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Ends every unfinished host task of a task at once (cancel, timeout), under the task row's lock. */
final class Endings {
    private Endings() {
    }

    static List<String> endUnfinished(Connection c, String taskId, HostTaskState state, ErrorCode error, String message, long now)
            throws SQLException {
        List<String> ended = new ArrayList<>();
        if (!TaskWrites.lockTask(c, taskId)) {
            return ended;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT host_id FROM host_tasks WHERE task_id = ? AND state IN ("
                + TaskRows.UNFINISHED + ") ORDER BY host_id")) {
            ps.setString(1, taskId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ended.add(rs.getString(1));
                }
            }
        }
        int n = 0;
        // Holding the task row keeps every other final transition out, so the set selected above stays unfinished.
        if (state == HostTaskState.TIMED_OUT) {
            // Say why a host task never reached its agent: the host never came online, or the
            // channel lost it (the reason recorded when it was flagged undelivered).
            n += endWhere(c, taskId, state, ErrorCode.HOST_OFFLINE, "the host was not online at any time before the timeout ("
                    + Sql.cut(message, 200) + ")", "state = 'PENDING'", now);
            n += endWhere(c, taskId, state, null, "the task could not be delivered to the host before the timeout ("
                    + Sql.cut(message, 200) + ")", "state = 'DISPATCHED' AND undelivered = TRUE", now);
        }
        n += endWhere(c, taskId, state, error, message, "state IN (" + TaskRows.UNFINISHED + ")", now);
        TaskWrites.finishHosts(c, taskId, n, now);
        return ended;
    }

    /**
     * Ends the unfinished host tasks matching {@code where}; a {@code null} error keeps the recorded one (or CHANNEL_LOST).
     *
     * @return how many ended
     */
    private static int endWhere(Connection c, String taskId, HostTaskState state, ErrorCode error, String message, String where,
            long now) throws SQLException {
        String code = error == null ? "COALESCE(error_code, '" + ErrorCode.CHANNEL_LOST.name() + "')" : "?";
        try (PreparedStatement ps = c.prepareStatement("UPDATE host_tasks SET state = ?, error_code = " + code
                + ", error_message = ?, updated_at = ?, finished_at = ?, undelivered = FALSE, resend_at = NULL"
                + " WHERE task_id = ? AND " + where)) {
            int i = 1;
            ps.setString(i++, state.name());
            if (error != null) {
                ps.setString(i++, error.name());
            }
            ps.setString(i++, Sql.cut(message, TaskWrites.MAX_MESSAGE_CHARS));
            ps.setLong(i++, now);
            ps.setLong(i++, now);
            ps.setString(i, taskId);
            return ps.executeUpdate();
        }
    }
}
