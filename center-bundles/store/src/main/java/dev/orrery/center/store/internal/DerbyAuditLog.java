package dev.orrery.center.store.internal;

import dev.orrery.center.store.AuditEntry;
import dev.orrery.center.store.AuditLog;
import dev.orrery.center.store.AuditRecord;
import dev.orrery.center.store.AuditVerification;
import dev.orrery.center.store.MasterKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AuditLog} on the embedded database. Appends go through one writer thread
 * ({@link AuditWriter}) that commits everything queued meanwhile in one transaction on a writer
 * connection: it locks the head, chains the batch onto it, inserts the rows and moves the head.
 * Nothing here updates or deletes a record. Thread-safe.
 */
@Component(service = AuditLog.class, immediate = true)
public final class DerbyAuditLog implements AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(DerbyAuditLog.class);
    private static final Set<String> KINDS = Set.of(AuditEntry.API, AuditEntry.SHELL, AuditEntry.TERMINAL);

    private final Database db;
    private final AuditChain chain;
    private final AuditVerifier verifier;
    private final AuditWriter writer;

    /**
     * @param db the database
     * @param key the master key (the chain's MACs)
     */
    @Activate
    public DerbyAuditLog(@Reference(name = "database") Database db, @Reference(name = "masterKey") MasterKey key) {
        this.db = db;
        this.chain = new AuditChain(key);
        this.verifier = new AuditVerifier(db, chain);
        db.writerTx(this::sealEmptyHead);
        this.writer = new AuditWriter(this::write);
    }

    /** Stops the writer after it has written what is queued. */
    @Deactivate
    public void close() {
        writer.close();
    }

    /** @return how many transactions the appends took so far (group commit: fewer than appends under load) */
    long batches() {
        return writer.batches();
    }

    @Override
    public void append(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (!KINDS.contains(entry.kind())) {
            throw new IllegalArgumentException("audit kind must be api, shell or terminal, not '" + entry.kind() + "'");
        }
        writer.appendAndWait(AuditLimits.bound(entry));
    }

    @Override
    public List<AuditRecord> query(int limit, String account, Long since) {
        int capped = Math.max(1, Math.min(limit, MAX_QUERY));
        return db.tx(c -> AuditRows.query(c, capped, account, since));
    }

    @Override
    public AuditVerification verify() {
        AuditVerification v = verifier.verify();
        if (v.ok()) {
            LOG.info("Audit chain verified: {} records intact", v.checked());
        } else {
            LOG.error("Audit chain verification FAILED at record {}: {} ({})", v.firstBad(), v.failure(), v.message());
        }
        return v;
    }

    /** Appends one batch in the current transaction. */
    private void write(List<AuditWriter.Pending> batch) {
        db.writerTx(c -> {
            AuditRows.Head head = AuditRows.head(c, true);
            if (head == null) {
                head = fromLastRecord(c);
                LOG.error("Audit log: the head row is missing; continuing the chain after record {}", head.lastSeq());
            }
            long seq = head.lastSeq();
            String previous = head.lastHash();
            List<AuditRecord> records = new ArrayList<>(batch.size());
            for (AuditWriter.Pending p : batch) {
                seq++;
                previous = chain.hash(previous, seq, p.entry());
                records.add(new AuditRecord(seq, p.entry(), previous));
            }
            AuditRows.insert(c, records);
            AuditRows.writeHead(c, new AuditRows.Head(seq, previous, chain.headMac(seq, previous)));
            return null;
        });
    }

    /** The head of a fresh log gets its MAC at first start, so a head reset to empty is detected. */
    private Void sealEmptyHead(Connection c) throws SQLException {
        AuditRows.Head head = AuditRows.head(c, true);
        if (head != null && head.mac() == null && head.lastSeq() == 0) {
            AuditRows.writeHead(c, new AuditRows.Head(0, "", chain.headMac(0, "")));
        }
        return null;
    }

    private static AuditRows.Head fromLastRecord(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_log ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new AuditRows.Head(rs.getLong(1), rs.getString(2), null) : new AuditRows.Head(0, "", null);
        }
    }
}
