package dev.orrery.center.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Deletes data channel records stored before a cutoff, oldest first, a batch per transaction so
 * pruning never holds a long lock. Thread-safe.
 */
final class DataRetention {
    private final Database db;
    private final int batch;

    /**
     * @param db the database
     * @param batch records deleted per transaction
     */
    DataRetention(Database db, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be positive, was " + batch);
        }
        this.db = db;
        this.batch = batch;
    }

    /**
     * @param storedBefore epoch ms: records stored before this go
     * @return how many records were deleted
     */
    int prune(long storedBefore) {
        int deleted = 0;
        while (true) {
            int n = db.tx(c -> {
                long upTo = -1;
                int found = 0;
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM data_records WHERE stored_at < ?"
                        + " ORDER BY stored_at, id FETCH FIRST ? ROWS ONLY")) {
                    ps.setLong(1, storedBefore);
                    ps.setInt(2, batch);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            upTo = Math.max(upTo, rs.getLong(1));
                            found++;
                        }
                    }
                }
                if (found == 0) {
                    return 0;
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM data_records WHERE stored_at < ? AND id <= ?")) {
                    ps.setLong(1, storedBefore);
                    ps.setLong(2, upTo);
                    return ps.executeUpdate();
                }
            });
            deleted += n;
            if (n < batch) {
                return deleted;
            }
        }
    }
}
