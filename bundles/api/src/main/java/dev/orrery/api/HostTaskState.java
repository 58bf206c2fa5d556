package dev.orrery.api;

/**
 * The life of one task on one host:
 * {@code PENDING → DISPATCHED → RECEIVED → RUNNING → SUCCEEDED | FAILED | TIMED_OUT | CANCELLED},
 * plus {@code REJECTED} where the center refuses it before dispatch.
 */
public enum HostTaskState {
    /** Persisted at the center, not yet sent. */
    PENDING,
    /** Handed to the host's channel. */
    DISPATCHED,
    /** The agent acknowledged receipt. */
    RECEIVED,
    /** The agent started executing it. */
    RUNNING,
    /** Finished with success (exit code 0 for commands). */
    SUCCEEDED,
    /** Finished with a failure; the result carries an error code. */
    FAILED,
    /** The task's timeout passed first. */
    TIMED_OUT,
    /** Cancelled before it finished. */
    CANCELLED,
    /** Refused by the center before dispatch (guard, permissions). */
    REJECTED;

    /** @return {@code true} if no further transition can happen */
    public boolean isFinal() {
        return ordinal() >= SUCCEEDED.ordinal();
    }

    /**
     * Whether moving from this state to {@code next} is a forward move. States only move
     * forward; a late or duplicate message that would move a host task back is ignored.
     *
     * @param next the proposed state
     * @return {@code true} if the transition is allowed
     */
    public boolean canMoveTo(HostTaskState next) {
        return !isFinal() && next.ordinal() > ordinal();
    }
}
