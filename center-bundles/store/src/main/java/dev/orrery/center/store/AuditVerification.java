package dev.orrery.center.store;

/**
 * The result of {@link AuditLog#verify()}.
 *
 * @param ok whether the whole chain and its head are intact
 * @param checked how many records were checked (up to the first bad one)
 * @param firstBad sequence number of the first bad record, or {@code 0} when {@code ok}
 * @param failure what is wrong, or {@code null} when {@code ok}
 * @param message a human sentence saying what is wrong, or {@code "ok"}
 */
public record AuditVerification(boolean ok, long checked, long firstBad, Failure failure, String message) {

    /** What verification found wrong. */
    public enum Failure {
        /** A record's fields or position no longer match its hash (edited, or moved to another sequence number). */
        CHANGED,
        /** A sequence number is missing in the middle: a record was deleted. */
        DELETED,
        /** The chain ends before the head says it does: the newest records were deleted. */
        TRUNCATED,
        /** The head (last sequence number and hash) is missing or does not match its own MAC. */
        HEAD_INVALID
    }

    /**
     * @param checked records checked
     * @return a successful verification
     */
    public static AuditVerification passed(long checked) {
        return new AuditVerification(true, checked, 0, null, "ok");
    }

    /**
     * @param checked records checked before the bad one
     * @param firstBad the first bad sequence number
     * @param failure what is wrong
     * @param message a human sentence
     * @return a failed verification
     */
    public static AuditVerification failed(long checked, long firstBad, Failure failure, String message) {
        return new AuditVerification(false, checked, firstBad, failure, message);
    }
}
