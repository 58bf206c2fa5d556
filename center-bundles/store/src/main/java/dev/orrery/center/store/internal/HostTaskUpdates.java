package dev.orrery.center.store.internal;

import dev.orrery.api.HostTaskState;
import dev.orrery.center.store.DispatchClaim;
import dev.orrery.center.store.HostTaskRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Batched, guarded writes of host-task rows: each update applies only if the row is still in
 * the state it was planned from, and the per-row update counts of the JDBC batch say which
 * ones did.
 */
final class HostTaskUpdates {
    private static final String GUARD = " WHERE task_id = ? AND host_id = ? AND state = ?";
    private static final String RECEIVED = "UPDATE host_tasks SET state = ?, updated_at = ?, undelivered = FALSE, error_code = NULL,"
            + " received_at = COALESCE(received_at, ?), channel = COALESCE(?, channel)" + GUARD;
    private static final String RUNNING = "UPDATE host_tasks SET state = ?, updated_at = ?, undelivered = FALSE, error_code = NULL,"
            + " received_at = COALESCE(received_at, ?), started_at = COALESCE(started_at, ?), channel = COALESCE(?, channel)" + GUARD;
    private static final String FINAL = "UPDATE host_tasks SET state = ?, updated_at = ?, undelivered = FALSE, resend_at = NULL,"
            + " received_at = COALESCE(received_at, ?), started_at = COALESCE(started_at, ?), channel = COALESCE(?, channel),"
            + " finished_at = ?, exit_code = ?, stdout = ?, stderr = ?, truncated = ?, error_code = ?, error_message = ?" + GUARD;

    private HostTaskUpdates() {
    }

    /**
     * One planned move of a host task.
     *
     * @param from the state it must still be in
     * @param to the state it moves to
     * @param at epoch ms of the move (updated_at; finished_at of a final one)
     * @param receivedAt received_at if none is recorded
     * @param startedAt started_at if none is recorded (RUNNING and final moves)
     * @param result the outcome of a final move
     */
    record Update(String taskId, String hostId, HostTaskState from, HostTaskState to, String channel, long at, long receivedAt,
            long startedAt, HostTaskRecord result) {
    }

    /** @return per update, 1 if it applied, 0 if the row was not in its {@code from} state */
    static int[] write(Connection c, List<Update> updates) throws SQLException {
        int[] counts = new int[updates.size()];
        if (updates.isEmpty()) {
            return counts;
        }
        try (PreparedStatement received = c.prepareStatement(RECEIVED); PreparedStatement running = c.prepareStatement(RUNNING);
                PreparedStatement fin = c.prepareStatement(FINAL)) {
            List<List<Integer>> order = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            PreparedStatement[] shapes = {received, running, fin};
            for (int k = 0; k < updates.size(); k++) {
                Update u = updates.get(k);
                int shape = u.to().isFinal() ? 2 : u.to() == HostTaskState.RUNNING ? 1 : 0;
                bind(shapes[shape], u);
                shapes[shape].addBatch();
                order.get(shape).add(k);
            }
            for (int s = 0; s < shapes.length; s++) {
                if (order.get(s).isEmpty()) {
                    continue;
                }
                int[] n = shapes[s].executeBatch();
                for (int j = 0; j < n.length; j++) {
                    counts[order.get(s).get(j)] = n[j];
                }
            }
        }
        return counts;
    }

    /**
     * Moves PENDING host tasks of one task to DISPATCHED. @return the claims that applied
     */
    static List<DispatchClaim> dispatch(Connection c, String taskId, List<DispatchClaim> claims, long now) throws SQLException {
        List<DispatchClaim> won = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("UPDATE host_tasks SET state = 'DISPATCHED', updated_at = ?, undelivered = FALSE,"
                + " error_code = NULL, sends = 1, resend_at = ?, dispatched_at = ?, channel = ? WHERE task_id = ? AND host_id = ?"
                + " AND state = 'PENDING'")) {
            for (DispatchClaim claim : claims) {
                ps.setLong(1, now);
                ps.setLong(2, claim.resendAt());
                ps.setLong(3, now);
                ps.setString(4, claim.channel());
                ps.setString(5, taskId);
                ps.setString(6, claim.hostId());
                ps.addBatch();
            }
            int[] n = ps.executeBatch();
            for (int k = 0; k < n.length; k++) {
                if (n[k] == 1) {
                    won.add(claims.get(k));
                }
            }
        }
        return won;
    }

    private static void bind(PreparedStatement ps, Update u) throws SQLException {
        int i = 1;
        ps.setString(i++, u.to().name());
        ps.setLong(i++, u.at());
        ps.setLong(i++, u.receivedAt());
        if (u.to() != HostTaskState.RECEIVED) {
            ps.setLong(i++, u.startedAt());
        }
        ps.setString(i++, u.channel());
        if (u.to().isFinal()) {
            HostTaskRecord r = u.result();
            String stdout = r.stdout() == null ? "" : r.stdout();
            String stderr = r.stderr() == null ? "" : r.stderr();
            ps.setLong(i++, u.at());
            Sql.setInt(ps, i++, r.exitCode());
            ps.setString(i++, Sql.cut(stdout, TaskWrites.MAX_OUTPUT_CHARS));
            ps.setString(i++, Sql.cut(stderr, TaskWrites.MAX_OUTPUT_CHARS));
            ps.setBoolean(i++, r.truncated() || stdout.length() > TaskWrites.MAX_OUTPUT_CHARS || stderr.length() > TaskWrites.MAX_OUTPUT_CHARS);
            ps.setString(i++, r.error() == null ? null : r.error().name());
            ps.setString(i++, Sql.cut(r.errorMessage(), TaskWrites.MAX_MESSAGE_CHARS));
        }
        ps.setString(i++, u.taskId());
        ps.setString(i++, u.hostId());
        ps.setString(i, u.from().name());
    }
}
