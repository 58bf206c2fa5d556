package dev.orrery.center.store.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.center.store.DispatchClaim;
import dev.orrery.center.store.HostTaskRecord;
import dev.orrery.center.store.NewTask;
import dev.orrery.center.store.Progress;
import dev.orrery.center.store.TaskRecord;
import dev.orrery.center.store.TaskStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link TaskStore} on the embedded database. Thread-safe: every call is one transaction. */
@Component(service = TaskStore.class, immediate = true)
public final class DerbyTaskStore implements TaskStore {
    /** When a host task sent without an explicit resend time is sent again (ms after the send). */
    static final long DEFAULT_RESEND_MILLIS = 5000;
    private final Database db;

    /** @param db the database */
    @Activate
    public DerbyTaskStore(@Reference(name = "database") Database db) {
        this.db = db;
    }

    @Override
    public void createAll(List<NewTask> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        db.writerTx(c -> {
            for (NewTask t : tasks) {
                TaskWrites.create(c, t);
            }
            return null;
        });
    }

    @Override
    public Optional<TaskRecord> get(String taskId) {
        return taskId == null ? Optional.empty() : db.tx(c -> TaskRows.task(c, taskId));
    }

    @Override
    public Map<HostTaskState, Integer> counts(String taskId) {
        return db.tx(c -> TaskRows.counts(c, taskId));
    }

    @Override
    public List<HostTaskRecord> results(String taskId, HostTaskState state, int offset, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        String sql = "SELECT " + TaskRows.HOST_TASK_COLUMNS + " FROM host_tasks WHERE task_id = ?"
                + (state == null ? "" : " AND state = ?") + " ORDER BY host_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        return db.tx(c -> {
            List<HostTaskRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setString(i++, taskId);
                if (state != null) {
                    ps.setString(i++, state.name());
                }
                ps.setInt(i++, Math.max(0, offset));
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(TaskRows.hostTask(rs));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public boolean advance(String taskId, String hostId, HostTaskState next, String channel) {
        Objects.requireNonNull(next, "next");
        long now = System.currentTimeMillis();
        if (next.isFinal()) {
            return complete(new HostTaskRecord(taskId, hostId, next, null, "", "", false, null, null, channel, now));
        }
        return db.tx(c -> TaskWrites.advance(c, taskId, hostId, next, channel, now, now + DEFAULT_RESEND_MILLIS));
    }

    @Override
    public boolean dispatch(String taskId, String hostId, String channel, long resendAt) {
        long now = System.currentTimeMillis();
        return db.tx(c -> TaskWrites.advance(c, taskId, hostId, HostTaskState.DISPATCHED, channel, now, resendAt));
    }

    @Override
    public List<DispatchClaim> dispatch(String taskId, List<DispatchClaim> claims) {
        Objects.requireNonNull(taskId, "taskId");
        if (claims.isEmpty()) {
            return List.of();
        }
        return db.tx(c -> HostTaskUpdates.dispatch(c, taskId, claims, System.currentTimeMillis()));
    }

    @Override
    public List<Progress.Outcome> record(List<Progress> progress) {
        return progress.isEmpty() ? List.of() : db.writerTx(c -> Progressions.record(c, progress));
    }

    @Override
    public List<Resend> dueForResend(long now, int limit) {
        return limit <= 0 ? List.of() : db.tx(c -> Resends.due(c, now, limit));
    }

    @Override
    public boolean claimResend(String taskId, String hostId, int sends, String channel, long resendAt) {
        return db.tx(c -> Resends.claim(c, taskId, hostId, sends, channel, System.currentTimeMillis(), resendAt));
    }

    @Override
    public Optional<HostTaskState> stateOf(String taskId, String hostId) {
        return db.tx(c -> TaskRows.stateOf(c, taskId, hostId));
    }

    @Override
    public boolean complete(HostTaskRecord result) {
        Objects.requireNonNull(result, "result");
        if (!result.state().isFinal()) {
            throw new IllegalArgumentException("complete needs a final state, not " + result.state());
        }
        return db.tx(c -> TaskWrites.complete(c, result, System.currentTimeMillis()));
    }

    @Override
    public List<String> endUnfinished(String taskId, HostTaskState state, ErrorCode error, String message) {
        if (state != HostTaskState.CANCELLED && state != HostTaskState.TIMED_OUT) {
            throw new IllegalArgumentException("endUnfinished takes CANCELLED or TIMED_OUT, not " + state);
        }
        return db.tx(c -> Endings.endUnfinished(c, taskId, state, error, message, System.currentTimeMillis()));
    }

    @Override
    public List<HostTaskRecord> pendingFor(Collection<String> hostIds) {
        return db.tx(c -> Waiting.find(c, hostIds, "state = 'PENDING'"));
    }

    @Override
    public List<String> expired(long now) {
        return db.tx(c -> TaskRows.expired(c, now));
    }

    @Override
    public boolean markUndelivered(String taskId, String hostId) {
        return markUndelivered(taskId, hostId, ErrorCode.CHANNEL_LOST);
    }

    @Override
    public boolean markUndelivered(String taskId, String hostId, ErrorCode reason) {
        Objects.requireNonNull(reason, "reason");
        return db.tx(c -> Waiting.flag(c, reason, "task_id = ? AND host_id = ?", taskId, hostId)) == 1;
    }

    @Override
    public int markUndeliveredOnChannel(String channelId) {
        return db.tx(c -> Waiting.flag(c, ErrorCode.CHANNEL_LOST, "channel = ?", channelId));
    }

    @Override
    public List<HostTaskRecord> undeliveredFor(Collection<String> hostIds) {
        return db.tx(c -> Waiting.find(c, hostIds, "state = 'DISPATCHED' AND undelivered = TRUE"));
    }

    @Override
    public boolean redispatch(String taskId, String hostId, String channel) {
        return redispatch(taskId, hostId, channel, System.currentTimeMillis() + DEFAULT_RESEND_MILLIS);
    }

    @Override
    public boolean redispatch(String taskId, String hostId, String channel, long resendAt) {
        return db.tx(c -> Waiting.claim(c, taskId, hostId, channel, System.currentTimeMillis(), resendAt));
    }
}
