package dev.orrery.center.store.internal;

import dev.orrery.center.store.AuditRecord;
import dev.orrery.center.store.AuditVerification;
import dev.orrery.center.store.AuditVerification.Failure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Walks the audit chain: every sequence number present in order, every hash recomputed from
 * its predecessor and the record's fields, then the head. Records appended while the walk runs
 * are followed up to the head read after it, so a busy center verifies cleanly.
 */
final class AuditVerifier {
    private static final int MAX_PASSES = 10;

    /** Where a walk stopped: the last good record, or the failure. */
    private record Walk(long checked, long lastSeq, String lastHash, AuditVerification failure) {
    }

    private final Database db;
    private final AuditChain chain;

    AuditVerifier(Database db, AuditChain chain) {
        this.db = db;
        this.chain = chain;
    }

    AuditVerification verify() {
        Walk walk = db.tx(c -> walk(c, new Walk(0, 0, "", null)));
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            if (walk.failure() != null) {
                return walk.failure();
            }
            AuditRows.Head head = db.tx(c -> AuditRows.head(c, false));
            if (head == null) {
                return AuditVerification.failed(walk.checked(), walk.lastSeq() + 1, Failure.HEAD_INVALID,
                        "the head of the audit chain is missing");
            }
            if (head.mac() == null || !head.mac().equals(chain.headMac(head.lastSeq(), head.lastHash()))) {
                return AuditVerification.failed(walk.checked(), head.lastSeq(), Failure.HEAD_INVALID,
                        "the head of the audit chain (last record " + head.lastSeq() + ") does not match its MAC: it was changed");
            }
            if (head.lastSeq() < walk.lastSeq()) {
                return AuditVerification.failed(walk.checked(), head.lastSeq() + 1, Failure.HEAD_INVALID,
                        "records up to " + walk.lastSeq() + " exist but the head ends at " + head.lastSeq()
                                + ": the head was rolled back or records were added behind the log's back");
            }
            if (head.lastSeq() == walk.lastSeq()) {
                return head.lastHash().equals(walk.lastHash()) ? AuditVerification.passed(walk.checked())
                        : AuditVerification.failed(walk.checked(), head.lastSeq(), Failure.CHANGED,
                                "record " + head.lastSeq() + " is not the record the head was written for");
            }
            Walk before = walk;
            walk = db.tx(c -> walk(c, before));
            if (walk.failure() == null && walk.lastSeq() == before.lastSeq()) {
                return AuditVerification.failed(walk.checked(), walk.lastSeq() + 1, Failure.TRUNCATED,
                        "the chain ends at record " + walk.lastSeq() + " but the head says " + head.lastSeq()
                                + ": the newest records were deleted");
            }
        }
        // appends kept outrunning the walk: everything walked is intact
        return walk.failure() != null ? walk.failure() : AuditVerification.passed(walk.checked());
    }

    /** Continues a walk after {@code from.lastSeq()}. */
    private Walk walk(Connection c, Walk from) throws SQLException {
        long checked = from.checked();
        long last = from.lastSeq();
        String previous = from.lastHash();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + AuditRows.COLUMNS + " FROM audit_log WHERE seq > ? ORDER BY seq")) {
            ps.setLong(1, last);
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AuditRecord r = AuditRows.record(rs);
                    if (r.seq() != last + 1) {
                        return new Walk(checked, last, previous, AuditVerification.failed(checked, last + 1, Failure.DELETED,
                                "record" + (r.seq() - last > 2 ? "s " + (last + 1) + " to " + (r.seq() - 1) : " " + (last + 1))
                                        + " missing: deleted from the middle of the chain"));
                    }
                    if (!chain.hash(previous, r.seq(), r.entry()).equals(r.hash())) {
                        return new Walk(checked, last, previous, AuditVerification.failed(checked, r.seq(), Failure.CHANGED,
                                "record " + r.seq() + " does not match its hash: a field was changed, or the record was moved"));
                    }
                    checked++;
                    last = r.seq();
                    previous = r.hash();
                }
            }
        }
        return new Walk(checked, last, previous, null);
    }
}
