package dev.orrery.center.store.internal;

import dev.orrery.center.store.DataStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link DataStore} on the embedded database. Appends are serialised (one transaction at a time,
 * each a whole batch of one host): the identity column then commits in increasing order, so a
 * reader that has seen cursor N never misses a record committed later with a smaller cursor.
 * Reads filter by topic through an index and by the caller's hosts in memory, scanning a bounded
 * number of rows per call; the cursor returned skips what was scanned.
 */
@Component(service = DataStore.class, immediate = true)
public final class DerbyDataStore implements DataStore {
    /** Longest record text kept, in chars (the column's size); longer ones are cut. Longest topic kept. */
    static final int MAX_DATA = 16_384, MAX_TOPIC = 128;
    /** Rows read per query when the caller's hosts are filtered in memory; most rows scanned by one read. */
    private static final int SCAN_PAGE = 1000, SCAN_MOST = 20_000;

    private final Database db;
    private final ReentrantLock appending = new ReentrantLock();

    /** @param db the database */
    @Activate
    public DerbyDataStore(@Reference(name = "database") Database db) {
        this.db = db;
    }

    @Override
    public long append(String hostId, List<Entry> records, long dropped, long now) {
        Objects.requireNonNull(hostId, "hostId");
        appending.lock();
        try {
            return db.tx(c -> {
                long last = lastSeq(c, hostId);
                long seq = insert(c, hostId, records, last, now);
                saveHost(c, hostId, seq, Math.max(0, dropped), now, last >= 0);
                return seq;
            });
        } finally {
            appending.unlock();
        }
    }

    private static long lastSeq(Connection c, String hostId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM data_hosts WHERE host_id = ?")) {
            ps.setString(1, hostId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    private static long insert(Connection c, String hostId, List<Entry> records, long last, long now) throws SQLException {
        long seq = Math.max(0, last);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO data_records (topic, host_id, seq, at_ms, stored_at, data)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Entry e : records) {
                if (e.seq() <= seq || e.topic().isEmpty() || e.topic().length() > MAX_TOPIC) {
                    continue; // stored before (a batch sent again), or not a topic
                }
                ps.setString(1, e.topic());
                ps.setString(2, hostId);
                ps.setLong(3, e.seq());
                ps.setLong(4, e.at());
                ps.setLong(5, now);
                ps.setString(6, e.data().length() > MAX_DATA ? e.data().substring(0, MAX_DATA) : e.data());
                ps.addBatch();
                seq = e.seq();
            }
            ps.executeBatch();
        }
        return seq;
    }

    private static void saveHost(Connection c, String hostId, long seq, long dropped, long now, boolean known) throws SQLException {
        String sql = known ? "UPDATE data_hosts SET last_seq = ?, dropped = ?, updated_at = ? WHERE host_id = ?"
                : "INSERT INTO data_hosts (last_seq, dropped, updated_at, host_id) VALUES (?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, seq);
            ps.setLong(2, dropped);
            ps.setLong(3, now);
            ps.setString(4, hostId);
            ps.executeUpdate();
        }
    }

    @Override
    public Page read(String topic, long after, int limit, Collection<String> hostIds) {
        Objects.requireNonNull(topic, "topic");
        if (limit <= 0 || (hostIds != null && hostIds.isEmpty())) {
            return new Page(List.of(), after);
        }
        Set<String> scope = hostIds == null ? null : new HashSet<>(hostIds);
        return db.tx(c -> {
            List<Entry> out = new ArrayList<>();
            long cursor = after;
            int scanned = 0;
            while (out.size() < limit && scanned < SCAN_MOST) {
                int page = scope == null ? limit - out.size() : SCAN_PAGE;
                List<Entry> rows = rows(c, topic, cursor, page);
                for (Entry e : rows) {
                    cursor = e.cursor();
                    if (scope == null || scope.contains(e.hostId())) {
                        out.add(e);
                        if (out.size() == limit) {
                            break;
                        }
                    }
                }
                scanned += rows.size();
                if (rows.size() < page) {
                    break;
                }
            }
            return new Page(out, cursor);
        });
    }

    @Override
    public Page last(String topic, int n, Collection<String> hostIds) {
        Objects.requireNonNull(topic, "topic");
        Set<String> scope = hostIds == null ? null : new HashSet<>(hostIds);
        return db.tx(c -> {
            List<Entry> newest = new ArrayList<>();
            long top = 0;
            long before = Long.MAX_VALUE;
            int scanned = 0;
            while (newest.size() < n && scanned < SCAN_MOST) {
                List<Entry> rows = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT id, host_id, seq, at_ms, data FROM data_records"
                        + " WHERE topic = ? AND id < ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
                    ps.setString(1, topic);
                    ps.setLong(2, before);
                    ps.setInt(3, SCAN_PAGE);
                    read(ps, topic, rows);
                }
                for (Entry e : rows) {
                    top = Math.max(top, e.cursor());
                    before = e.cursor();
                    if (newest.size() < n && (scope == null || scope.contains(e.hostId()))) {
                        newest.add(e);
                    }
                }
                scanned += rows.size();
                if (rows.size() < SCAN_PAGE) {
                    break;
                }
            }
            java.util.Collections.reverse(newest);
            return new Page(newest, top);
        });
    }

    private static List<Entry> rows(Connection c, String topic, long after, int n) throws SQLException {
        List<Entry> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, host_id, seq, at_ms, data FROM data_records"
                + " WHERE topic = ? AND id > ? ORDER BY id FETCH FIRST ? ROWS ONLY")) {
            ps.setString(1, topic);
            ps.setLong(2, after);
            ps.setInt(3, n);
            read(ps, topic, rows);
        }
        return rows;
    }

    private static void read(PreparedStatement ps, String topic, List<Entry> rows) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Entry(rs.getLong(1), topic, rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5)));
            }
        }
    }

    @Override
    public long dropped(String hostId) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT dropped FROM data_hosts WHERE host_id = ?")) {
                ps.setString(1, hostId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }
}
