package dev.orrery.center.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes finished ({@code DONE}) tasks, their host tasks with them (the foreign key cascades):
 * those finished before a cutoff, then the oldest beyond a count. Each batch is its own
 * transaction, so pruning never holds a long lock or a huge undo log. Thread-safe.
 */
final class Retention {
    private final Database db;
    private final int batch;

    /**
     * @param db the database
     * @param batch tasks deleted per transaction
     */
    Retention(Database db, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be positive, was " + batch);
        }
        this.db = db;
        this.batch = batch;
    }

    /**
     * @param finishedBefore epoch ms: finished tasks older than this go
     * @param keepMost the most finished tasks kept (the newest)
     * @return how many tasks were deleted
     */
    int prune(long finishedBefore, int keepMost) {
        int deleted = 0;
        while (true) {
            int n = db.tx(c -> {
                List<String> ids = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT task_id FROM tasks WHERE state = 'DONE' AND finished_at < ?"
                        + " ORDER BY finished_at FETCH FIRST ? ROWS ONLY")) {
                    ps.setLong(1, finishedBefore);
                    ps.setInt(2, batch);
                    ids.addAll(read(ps));
                }
                return delete(c, ids);
            });
            deleted += n;
            if (n < batch) {
                break;
            }
        }
        while (true) {
            int n = db.tx(c -> {
                int excess;
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM tasks WHERE state = 'DONE'");
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    excess = rs.getInt(1) - keepMost;
                }
                if (excess <= 0) {
                    return 0;
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT task_id FROM tasks WHERE state = 'DONE'"
                        + " ORDER BY finished_at, task_id FETCH FIRST ? ROWS ONLY")) {
                    ps.setInt(1, Math.min(excess, batch));
                    return delete(c, read(ps));
                }
            });
            deleted += n;
            if (n == 0) {
                break;
            }
        }
        return deleted;
    }

    private static List<String> read(PreparedStatement ps) throws java.sql.SQLException {
        List<String> ids = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static int delete(java.sql.Connection c, List<String> ids) throws java.sql.SQLException {
        int n = 0;
        for (List<String> chunk : Sql.chunks(ids)) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM tasks WHERE task_id IN (" + Sql.marks(chunk.size()) + ")")) {
                Sql.bind(ps, 1, chunk);
                n += ps.executeUpdate();
            }
        }
        return n;
    }
}
