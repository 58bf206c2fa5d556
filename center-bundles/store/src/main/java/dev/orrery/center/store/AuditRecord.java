package dev.orrery.center.store;

/**
 * A stored audit entry with its place in the chain.
 *
 * @param seq its sequence number, 1 for the first record, no gaps
 * @param entry the entry as stored (long fields cut and marked)
 * @param hash lowercase hex HMAC-SHA256 chaining it to the record before (see {@link AuditLog})
 */
public record AuditRecord(long seq, AuditEntry entry, String hash) {
}
