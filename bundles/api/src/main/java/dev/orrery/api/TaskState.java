package dev.orrery.api;

/** The state of a whole task across all of its hosts. */
public enum TaskState {
    /** Accepted and persisted; no host has moved yet. */
    RECEIVED,
    /** At least one host task is not final. */
    RUNNING,
    /** Every host task is final. */
    DONE
}
