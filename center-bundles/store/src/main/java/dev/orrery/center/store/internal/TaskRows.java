package dev.orrery.center.store.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.api.TaskState;
import dev.orrery.center.store.HostTaskRecord;
import dev.orrery.center.store.TaskRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Column lists, state predicates and row mappers for tasks and host tasks. */
final class TaskRows {
    /** Columns read into a {@link HostTaskRecord}, in {@link #hostTask} order. */
    static final String HOST_TASK_COLUMNS = "task_id, host_id, state, exit_code, stdout, stderr, truncated, error_code,"
            + " error_message, channel, updated_at, created_at, dispatched_at, received_at, started_at, finished_at";
    /** SQL list of every non-final state name. */
    static final String UNFINISHED = inList(Arrays.stream(HostTaskState.values()).filter(s -> !s.isFinal()).toArray(HostTaskState[]::new));

    private TaskRows() {
    }

    /** @return the names of these states as a SQL list of literals, e.g. {@code 'PENDING','DISPATCHED'} */
    static String inList(HostTaskState... states) {
        return Arrays.stream(states).map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
    }

    /** @return every state before {@code next}, as a SQL list: the states a host task may move to {@code next} from */
    static String before(HostTaskState next) {
        return inList(Arrays.stream(HostTaskState.values()).filter(s -> s.canMoveTo(next)).toArray(HostTaskState[]::new));
    }

    static HostTaskRecord hostTask(ResultSet rs) throws SQLException {
        String error = rs.getString("error_code");
        String stdout = rs.getString("stdout");
        String stderr = rs.getString("stderr");
        return new HostTaskRecord(rs.getString("task_id"), rs.getString("host_id"), HostTaskState.valueOf(rs.getString("state")),
                Sql.getInt(rs, "exit_code"), stdout == null ? "" : stdout, stderr == null ? "" : stderr,
                rs.getBoolean("truncated"), error == null ? null : ErrorCode.parse(error), rs.getString("error_message"),
                rs.getString("channel"), rs.getLong("updated_at"), new HostTaskRecord.Timestamps(
                        Sql.getLong(rs, "created_at"), Sql.getLong(rs, "dispatched_at"), Sql.getLong(rs, "received_at"),
                        Sql.getLong(rs, "started_at"), Sql.getLong(rs, "finished_at")));
    }

    /**
     * Reads a task and derives its state: {@code DONE} is persisted when the last host task
     * ends; otherwise {@code RUNNING} as soon as any host task left {@code PENDING}.
     */
    static Optional<TaskRecord> task(Connection c, String taskId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT task_id, task_type, created_by, created_at, timeout_seconds,"
                + " params, body, state FROM tasks WHERE task_id = ?")) {
            ps.setString(1, taskId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                TaskState state = TaskState.valueOf(rs.getString("state"));
                TaskRecord t = new TaskRecord(rs.getString("task_id"), rs.getString("task_type"), rs.getString("created_by"),
                        rs.getLong("created_at"), rs.getInt("timeout_seconds"), Sql.decodeMap(rs.getString("params")),
                        rs.getBytes("body"), state);
                if (state == TaskState.DONE || !anyMoved(c, taskId)) {
                    return Optional.of(t);
                }
                return Optional.of(new TaskRecord(t.taskId(), t.type(), t.createdBy(), t.createdAt(), t.timeoutSeconds(),
                        t.params(), t.body(), TaskState.RUNNING));
            }
        }
    }

    static Optional<HostTaskState> stateOf(Connection c, String taskId, String hostId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM host_tasks WHERE task_id = ? AND host_id = ?")) {
            ps.setString(1, taskId);
            ps.setString(2, hostId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(HostTaskState.valueOf(rs.getString(1))) : Optional.empty();
            }
        }
    }

    /** @return how many host tasks of a task are in each state, every state present */
    static Map<HostTaskState, Integer> counts(Connection c, String taskId) throws SQLException {
        Map<HostTaskState, Integer> counts = new EnumMap<>(HostTaskState.class);
        for (HostTaskState s : HostTaskState.values()) {
            counts.put(s, 0);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM host_tasks WHERE task_id = ? GROUP BY state")) {
            ps.setString(1, taskId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(HostTaskState.valueOf(rs.getString(1)), rs.getInt(2));
                }
            }
        }
        return counts;
    }

    /** @return ids of tasks not yet DONE whose deadline is before {@code now}, soonest first */
    static List<String> expired(Connection c, long now) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT task_id FROM tasks WHERE state IN ('RECEIVED', 'RUNNING')"
                + " AND deadline < ? ORDER BY deadline")) {
            ps.setLong(1, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static boolean anyMoved(Connection c, String taskId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM host_tasks WHERE task_id = ? AND state <> 'PENDING'"
                + " FETCH FIRST 1 ROWS ONLY")) {
            ps.setString(1, taskId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
