package dev.orrery.center.store.internal;

import dev.orrery.center.store.AuditEntry;
import dev.orrery.center.store.AuditRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The SQL of the audit log: inserts, the head, reads. Only inserts and the head update write. */
final class AuditRows {
    static final String COLUMNS = "seq, at_ms, kind, account, source, action, targets, detail, body_digest, outcome, hash";

    /** The head row: last sequence number, last hash, its MAC ({@code null} before the first append). */
    record Head(long lastSeq, String lastHash, String mac) {
    }

    private AuditRows() {
    }

    /** @return the head, locked for update until the transaction ends, or {@code null} if its row is gone */
    static Head head(Connection c, boolean forUpdate) throws SQLException {
        String sql = "SELECT last_seq, last_hash, head_mac FROM audit_head WHERE id = 1" + (forUpdate ? " FOR UPDATE" : "");
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new Head(rs.getLong(1), rs.getString(2), rs.getString(3)) : null;
        }
    }

    /** Writes the head, recreating its row if it was deleted. */
    static void writeHead(Connection c, Head head) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET last_seq = ?, last_hash = ?, head_mac = ? WHERE id = 1")) {
            ps.setLong(1, head.lastSeq());
            ps.setString(2, head.lastHash());
            ps.setString(3, head.mac());
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_head (id, last_seq, last_hash, head_mac) VALUES (1, ?, ?, ?)")) {
            ps.setLong(1, head.lastSeq());
            ps.setString(2, head.lastHash());
            ps.setString(3, head.mac());
            ps.executeUpdate();
        }
    }

    /** Inserts records, in one JDBC batch. */
    static void insert(Connection c, List<AuditRecord> records) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditRecord r : records) {
                AuditEntry e = r.entry();
                ps.setLong(1, r.seq());
                ps.setLong(2, e.at());
                ps.setString(3, e.kind());
                ps.setString(4, e.account());
                ps.setString(5, e.source());
                ps.setString(6, e.action());
                ps.setString(7, e.targets());
                ps.setString(8, e.detail());
                ps.setString(9, e.bodyDigest());
                ps.setString(10, e.outcome());
                ps.setString(11, r.hash());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** @return the newest matching records, newest first */
    static List<AuditRecord> query(Connection c, int limit, String account, Long since) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM audit_log");
        List<Object> args = new ArrayList<>();
        if (account != null) {
            sql.append(" WHERE account = ?");
            args.add(account);
        }
        if (since != null) {
            sql.append(args.isEmpty() ? " WHERE" : " AND").append(" at_ms >= ?");
            args.add(since);
        }
        sql.append(" ORDER BY seq DESC FETCH FIRST ? ROWS ONLY");
        args.add(limit);
        List<AuditRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(record(rs));
                }
            }
        }
        return out;
    }

    static AuditRecord record(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getLong(1), new AuditEntry(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)), rs.getString(11));
    }
}
