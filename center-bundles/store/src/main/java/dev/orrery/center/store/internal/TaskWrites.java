package dev.orrery.center.store.internal;

import dev.orrery.api.HostTaskState;
import dev.orrery.api.TaskState;
import dev.orrery.center.store.DispatchClaim;
import dev.orrery.center.store.HostTaskRecord;
import dev.orrery.center.store.NewTask;
import dev.orrery.center.store.TaskRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The writing half of the task store. Lock order, to stay free of deadlocks: a transaction
 * that ends host tasks first locks the task row ({@link #lockTask}), then host-task rows;
 * forward moves to non-final states touch only their host-task row.
 */
final class TaskWrites {
    /** Largest stdout or stderr kept, in characters (the CLOB columns hold 1 MiB). */
    static final int MAX_OUTPUT_CHARS = 1024 * 1024;
    static final int MAX_MESSAGE_CHARS = 4000;
    private static final int BATCH = 1000;

    private TaskWrites() {
    }

    static void create(Connection c, NewTask n) throws SQLException {
        TaskRecord t = n.task();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tasks (task_id, task_type, created_by, created_at,"
                + " timeout_seconds, deadline, params, body, state, host_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, t.taskId());
            ps.setString(2, t.type());
            ps.setString(3, t.createdBy());
            ps.setLong(4, t.createdAt());
            ps.setInt(5, t.timeoutSeconds());
            ps.setLong(6, t.createdAt() + t.timeoutSeconds() * 1000L);
            ps.setString(7, Sql.encodeMap(t.params()));
            ps.setBytes(8, t.body());
            ps.setString(9, TaskState.RECEIVED.name());
            ps.setInt(10, n.hostIds().size());
            ps.executeUpdate();
        }
        Map<String, DispatchClaim> claims = new HashMap<>();
        n.dispatched().forEach(claim -> claims.put(claim.hostId(), claim));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO host_tasks (task_id, host_id, state, channel, sends,"
                + " resend_at, dispatched_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int count = 0;
            for (String hostId : n.hostIds()) {
                DispatchClaim claim = claims.get(hostId);
                ps.setString(1, t.taskId());
                ps.setString(2, hostId);
                ps.setString(3, (claim == null ? HostTaskState.PENDING : HostTaskState.DISPATCHED).name());
                ps.setString(4, claim == null ? null : claim.channel());
                ps.setInt(5, claim == null ? 0 : 1);
                Sql.setLong(ps, 6, claim == null ? null : claim.resendAt());
                Sql.setLong(ps, 7, claim == null ? null : t.createdAt());
                ps.setLong(8, t.createdAt());
                ps.setLong(9, t.createdAt());
                ps.addBatch();
                if (++count % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    static boolean advance(Connection c, String taskId, String hostId, HostTaskState next, String channel, long now, long resendAt)
            throws SQLException {
        String stamp = switch (next) {
            case DISPATCHED -> ", sends = 1, resend_at = ?, dispatched_at = ?";
            case RECEIVED -> ", received_at = ?";
            // a host that started a task received it: acks may be handled out of order, and the
            // receipt's own ack is then ignored as stale, so its time is filled in here
            case RUNNING -> ", started_at = ?, received_at = COALESCE(received_at, ?)";
            default -> "";
        };
        String sql = "UPDATE host_tasks SET state = ?, updated_at = ?, undelivered = FALSE, error_code = NULL" + stamp
                + (channel == null ? "" : ", channel = ?")
                + " WHERE task_id = ? AND host_id = ? AND state IN (" + TaskRows.before(next) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, next.name());
            ps.setLong(i++, now);
            if (next == HostTaskState.DISPATCHED) {
                ps.setLong(i++, resendAt);
            }
            if (!stamp.isEmpty()) {
                ps.setLong(i++, now);
            }
            if (next == HostTaskState.RUNNING) {
                ps.setLong(i++, now);
            }
            if (channel != null) {
                ps.setString(i++, channel);
            }
            ps.setString(i++, taskId);
            ps.setString(i, hostId);
            return ps.executeUpdate() == 1;
        }
    }

    static boolean complete(Connection c, HostTaskRecord r, long now) throws SQLException {
        if (!lockTask(c, r.taskId())) {
            return false;
        }
        boolean cut = r.stdout() != null && r.stdout().length() > MAX_OUTPUT_CHARS
                || r.stderr() != null && r.stderr().length() > MAX_OUTPUT_CHARS;
        String sql = "UPDATE host_tasks SET state = ?, exit_code = ?, stdout = ?, stderr = ?, truncated = ?, error_code = ?,"
                + " error_message = ?, updated_at = ?, finished_at = ?, undelivered = FALSE, resend_at = NULL,"
                // a result comes from the agent, which therefore received and started the task, even
                // where those acks were lost or handled after the result
                + " received_at = COALESCE(received_at, ?), started_at = COALESCE(started_at, ?)"
                + (r.channel() == null ? "" : ", channel = ?")
                + " WHERE task_id = ? AND host_id = ? AND state IN (" + TaskRows.UNFINISHED + ")";
        boolean done;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, r.state().name());
            Sql.setInt(ps, i++, r.exitCode());
            ps.setString(i++, Sql.cut(r.stdout() == null ? "" : r.stdout(), MAX_OUTPUT_CHARS));
            ps.setString(i++, Sql.cut(r.stderr() == null ? "" : r.stderr(), MAX_OUTPUT_CHARS));
            ps.setBoolean(i++, r.truncated() || cut);
            ps.setString(i++, r.error() == null ? null : r.error().name());
            ps.setString(i++, Sql.cut(r.errorMessage(), MAX_MESSAGE_CHARS));
            ps.setLong(i++, now);
            ps.setLong(i++, now);
            ps.setLong(i++, now);
            ps.setLong(i++, now);
            if (r.channel() != null) {
                ps.setString(i++, r.channel());
            }
            ps.setString(i++, r.taskId());
            ps.setString(i, r.hostId());
            done = ps.executeUpdate() == 1;
        }
        if (done) {
            finishHosts(c, r.taskId(), 1, now);
        }
        return done;
    }

    /** Takes the write lock on a task row. @return {@code false} if the task does not exist */
    static boolean lockTask(Connection c, String taskId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tasks SET host_count = host_count WHERE task_id = ?")) {
            ps.setString(1, taskId);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Counts host tasks that just reached a final state and marks the task {@code DONE} when
     * every one of its host tasks is final ({@code finished_hosts = host_count}). Run it in the
     * transaction that ended them, which holds the task row's lock.
     *
     * @param n how many host tasks of the task ended in this transaction (0 only re-checks)
     */
    static void finishHosts(Connection c, String taskId, int n, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tasks SET finished_hosts = finished_hosts + ?,"
                + " finished_at = CASE WHEN finished_hosts + ? >= host_count AND state <> 'DONE' THEN ? ELSE finished_at END,"
                + " state = CASE WHEN finished_hosts + ? >= host_count THEN 'DONE' ELSE state END WHERE task_id = ?")) {
            ps.setInt(1, n);
            ps.setInt(2, n);
            ps.setLong(3, now);
            ps.setInt(4, n);
            ps.setString(5, taskId);
            ps.executeUpdate();
        }
    }
}
