package dev.orrery.center.store;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only, hash-chained audit log: every API call, every shell command (and, once it
 * exists, every web terminal session). Record {@code n} carries
 * {@code hash_n = HMAC-SHA256(key derived from the MasterKey for "audit", canonical(hash_{n-1}, n, fields))},
 * and a head (last sequence number, last hash, and a MAC over both) is updated in the same
 * transaction as every append, so a changed, deleted or truncated record is detected by
 * {@link #verify()} by anyone holding the master key, and cannot be re-forged without it.
 * There is no way to change or delete a record through this API; retention is not implemented
 * (the log grows; see docs/audit.md). Thread-safe.
 */
@ProviderType
public interface AuditLog {
    /** The most records {@link #query} returns. */
    int MAX_QUERY = 1000;

    /**
     * Appends one entry. Concurrent appends are committed together (group commit); this returns
     * once the transaction holding the entry has committed. Fields over their size limit are cut
     * and end with {@code "...[truncated]"} (detail: 8192 characters).
     *
     * @param entry the entry
     * @throws dev.orrery.api.OrreryException {@code STORE_UNAVAILABLE} if it could not be stored
     */
    void append(AuditEntry entry);

    /**
     * @param limit most records, 1 to {@link #MAX_QUERY} (larger values are capped)
     * @param account only this account, or {@code null} for all
     * @param since only records with {@code at >= since} (epoch ms), or {@code null}
     * @return matching records, newest first
     */
    List<AuditRecord> query(int limit, String account, Long since);

    /**
     * Walks the whole chain from the first record and checks every hash, the sequence and the head.
     *
     * @return the outcome: ok and how many records, or the first bad record and why
     */
    AuditVerification verify();
}
