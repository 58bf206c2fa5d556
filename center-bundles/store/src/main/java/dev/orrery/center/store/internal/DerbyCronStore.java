package dev.orrery.center.store.internal;

import dev.orrery.center.store.CronJobRecord;
import dev.orrery.center.store.CronStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link CronStore} on the embedded database (table {@code cron_jobs}, schema version 8). Thread-safe. */
@Component(service = CronStore.class, immediate = true)
public final class DerbyCronStore implements CronStore {
    private static final String DUPLICATE_KEY = "23505";
    private static final String COLUMNS = "cron_id, created_by, host_ids, groups_named, schedule, timezone, spread, kind, spec, run_as,"
            + " timeout_seconds, version, created_at, deleted_at";

    private final Database db;

    /** @param db the database */
    @Activate
    public DerbyCronStore(@Reference(name = "database") Database db) {
        this.db = db;
    }

    @Override
    public void create(CronJobRecord job) {
        Objects.requireNonNull(job, "job");
        boolean created = db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cron_jobs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, job.cronId());
                ps.setString(2, job.createdBy() == null ? "" : job.createdBy());
                ps.setString(3, String.join("\n", job.hostIds()));
                ps.setString(4, String.join("\n", job.groups()));
                ps.setString(5, job.schedule());
                ps.setString(6, job.timezone() == null ? "UTC" : job.timezone());
                ps.setBoolean(7, job.spread());
                ps.setString(8, job.kind());
                ps.setString(9, job.spec());
                ps.setString(10, job.runAs());
                ps.setInt(11, job.timeoutSeconds());
                ps.setLong(12, job.version());
                ps.setLong(13, job.createdAt());
                ps.setLong(14, job.deletedAt());
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (DUPLICATE_KEY.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
        if (!created) {
            throw new IllegalStateException("a cron job with id " + job.cronId() + " exists");
        }
    }

    @Override
    public Optional<CronJobRecord> get(String cronId) {
        if (cronId == null) {
            return Optional.empty();
        }
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM cron_jobs WHERE cron_id = ?")) {
                ps.setString(1, cronId);
                List<CronJobRecord> found = read(ps);
                return found.stream().findFirst();
            }
        });
    }

    @Override
    public List<CronJobRecord> list(boolean includeDeleted) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM cron_jobs"
                    + (includeDeleted ? "" : " WHERE deleted_at = 0") + " ORDER BY created_at, cron_id")) {
                return read(ps);
            }
        });
    }

    @Override
    public boolean delete(String cronId, long now) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE cron_jobs SET deleted_at = ? WHERE cron_id = ? AND deleted_at = 0")) {
                ps.setLong(1, Math.max(1, now));
                ps.setString(2, cronId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static List<CronJobRecord> read(PreparedStatement ps) throws SQLException {
        List<CronJobRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new CronJobRecord(rs.getString("cron_id"), rs.getString("created_by"), lines(rs.getString("host_ids")),
                        lines(rs.getString("groups_named")), rs.getString("schedule"), rs.getString("timezone"), rs.getBoolean("spread"),
                        rs.getString("kind"), rs.getString("spec"), rs.getString("run_as"), rs.getInt("timeout_seconds"),
                        rs.getLong("version"), rs.getLong("created_at"), rs.getLong("deleted_at")));
            }
        }
        return out;
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }
}
