package dev.orrery.api;

/** Whether a host's agent currently holds a connection to a channel. */
public enum HostStatus {
    /** Connected through a channel. */
    ONLINE,
    /** Not connected. */
    OFFLINE
}
