package dev.orrery.center.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.center.store.AuditEntry;
import dev.orrery.center.store.AuditRecord;
import dev.orrery.center.store.AuditVerification;
import dev.orrery.center.store.AuditVerification.Failure;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log on a real Derby store (one database per class, emptied before each test);
 * tampering goes through plain JDBC.
 */
class AuditLogTest {
    @TempDir
    static Path tmp;
    private static Database db;
    private static FileMasterKey key;
    private DerbyAuditLog audit;

    @BeforeAll
    static void openStore() {
        db = new Database(tmp.resolve("db"), 4, 5);
        key = new FileMasterKey(tmp.resolve("master.key"));
    }

    @AfterAll
    static void closeStore() {
        db.close();
    }

    @BeforeEach
    void emptyLog() {
        sql("DELETE FROM audit_log");
        sql("DELETE FROM audit_head");
        sql("INSERT INTO audit_head (id, last_seq, last_hash, head_mac) VALUES (1, 0, '', NULL)");
        audit = new DerbyAuditLog(db, key);
    }

    @AfterEach
    void stopWriter() {
        audit.close();
    }

    private static AuditEntry entry(long at, String account, String action) {
        return new AuditEntry(at, AuditEntry.API, account, "127.0.0.1", action, "hosts=web-1", "uname -a", "ab".repeat(32), "202");
    }

    private void appendMany(int n) {
        for (int i = 1; i <= n; i++) {
            audit.append(entry(1000 + i, i % 2 == 0 ? "k2" : "k1", "POST /api/v1/cmd#" + i));
        }
    }

    private static void sql(String statement, Object... args) {
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(statement)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    @Test
    void appendsAndQueriesNewestFirstWithFilters() {
        appendMany(5);
        List<AuditRecord> all = audit.query(100, null, null);
        assertEquals(List.of(5L, 4L, 3L, 2L, 1L), all.stream().map(AuditRecord::seq).toList());
        AuditRecord newest = all.get(0);
        assertEquals("POST /api/v1/cmd#5", newest.entry().action());
        assertEquals("uname -a", newest.entry().detail());
        assertEquals("202", newest.entry().outcome());
        assertEquals(64, newest.hash().length());
        assertEquals(List.of(4L, 2L), audit.query(100, "k2", null).stream().map(AuditRecord::seq).toList());
        assertEquals(List.of(5L, 4L), audit.query(100, null, 1004L).stream().map(AuditRecord::seq).toList());
        assertEquals(List.of(5L), audit.query(100, "k1", 1004L).stream().map(AuditRecord::seq).toList());
        assertEquals(2, audit.query(2, null, null).size());
        assertEquals(1, audit.query(0, null, null).size());
        assertTrue(audit.query(100, "nobody", null).isEmpty());
    }

    @Test
    void longFieldsAreCutAndMarkedAndBadKindsRefused() {
        audit.append(new AuditEntry(1, AuditEntry.SHELL, "karaf", "console", "x", null, "y".repeat(20_000), null, "ok"));
        AuditEntry stored = audit.query(1, null, null).get(0).entry();
        assertEquals(AuditLimits.DETAIL, stored.detail().length());
        assertTrue(stored.detail().endsWith("...[truncated]"));
        assertEquals("", stored.targets());
        assertThrows(IllegalArgumentException.class, () -> audit.append(new AuditEntry(1, "sql", "a", "b", "c", "", "", "", "")));
        assertTrue(audit.verify().ok());
    }

    @Test
    void anIntactChainVerifiesAlsoAfterARestart() {
        AuditVerification empty = audit.verify();
        assertTrue(empty.ok(), empty.message());
        assertEquals(0, empty.checked());
        appendMany(7);
        AuditVerification v = audit.verify();
        assertTrue(v.ok(), v.message());
        assertEquals(7, v.checked());
        assertNull(v.failure());
        audit.close();
        audit = new DerbyAuditLog(db, key);
        appendMany(3);
        assertEquals(10, audit.verify().checked());
    }

    @Test
    void aChangedFieldIsDetected() {
        appendMany(6);
        sql("UPDATE audit_log SET detail = 'id' WHERE seq = 3");
        AuditVerification v = audit.verify();
        assertFalse(v.ok());
        assertEquals(Failure.CHANGED, v.failure());
        assertEquals(3, v.firstBad());
        assertEquals(2, v.checked());
    }

    @Test
    void aChangedTimeOrMovedRecordIsDetected() {
        appendMany(4);
        sql("UPDATE audit_log SET at_ms = at_ms + 1 WHERE seq = 4");
        assertEquals(Failure.CHANGED, audit.verify().failure());
        sql("UPDATE audit_log SET at_ms = at_ms - 1 WHERE seq = 4");
        assertTrue(audit.verify().ok());
        // swap records 2 and 3 (their hashes travel with them)
        sql("UPDATE audit_log SET seq = 99 WHERE seq = 2");
        sql("UPDATE audit_log SET seq = 2 WHERE seq = 3");
        sql("UPDATE audit_log SET seq = 3 WHERE seq = 99");
        AuditVerification v = audit.verify();
        assertEquals(Failure.CHANGED, v.failure());
        assertEquals(2, v.firstBad());
    }

    @Test
    void aDeletedMiddleRecordIsDetected() {
        appendMany(5);
        sql("DELETE FROM audit_log WHERE seq = 2");
        AuditVerification v = audit.verify();
        assertEquals(Failure.DELETED, v.failure());
        assertEquals(2, v.firstBad());
        assertEquals(1, v.checked());
    }

    @Test
    void deletedNewestRecordsAreDetectedEvenWithTheHeadRolledBack() {
        appendMany(5);
        sql("DELETE FROM audit_log WHERE seq >= 4");
        AuditVerification v = audit.verify();
        assertEquals(Failure.TRUNCATED, v.failure());
        assertEquals(4, v.firstBad());
        // rolling the head back to record 3 needs its MAC, which only the master key makes
        sql("UPDATE audit_head SET last_seq = 3, last_hash = (SELECT hash FROM audit_log WHERE seq = 3)");
        assertEquals(Failure.HEAD_INVALID, audit.verify().failure());
    }

    @Test
    void aMissingHeadIsDetected() {
        appendMany(2);
        sql("DELETE FROM audit_head");
        AuditVerification v = audit.verify();
        assertEquals(Failure.HEAD_INVALID, v.failure());
        assertTrue(v.message().contains("missing"), v.message());
    }

    @Test
    void anotherKeyCannotVerifyTheChain() {
        appendMany(2);
        DerbyAuditLog foreign = new DerbyAuditLog(db, new FileMasterKey(tmp.resolve("other.key")));
        try {
            assertEquals(Failure.CHANGED, foreign.verify().failure());
        } finally {
            foreign.close();
        }
    }

    @Test
    void concurrentAppendsAreBatchedAndKeepTheChainValid() throws Exception {
        int threads = 16;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String account = "k" + t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        audit.append(entry(System.currentTimeMillis(), account, "GET /api/v1/hosts"));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        AuditVerification v = audit.verify();
        assertTrue(v.ok(), v.message());
        assertEquals(threads * each, v.checked());
        assertTrue(audit.batches() < threads * each, "no group commit: " + audit.batches() + " transactions");
        assertEquals(each, audit.query(1000, "k3", null).size());
    }
}
