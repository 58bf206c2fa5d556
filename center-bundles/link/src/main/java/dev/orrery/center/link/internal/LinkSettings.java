package dev.orrery.center.link.internal;

/**
 * Validated link settings.
 *
 * @param listenHost address to bind
 * @param port TCP port, 0 for any free one
 * @param maxFrameBytes largest payload accepted
 * @param heartbeatSeconds heartbeat interval
 * @param workerThreads registration threads
 * @param registrationQueue registrations waiting for a worker; over it, agents are disconnected at once
 * @param channelStaleSeconds how old a channel's last report may be for it to count as healthy
 * @param balanceIntervalSeconds seconds between balancing rounds, 0 for none
 * @param tolerancePercent allowed distance from a cluster's mean, percent
 * @param shedCooldownSeconds settling time after a shed
 */
public record LinkSettings(String listenHost, int port, int maxFrameBytes, int heartbeatSeconds, int workerThreads,
        int registrationQueue, int channelStaleSeconds, int balanceIntervalSeconds, int tolerancePercent,
        int shedCooldownSeconds) {
    /** Default of {@code registrationQueue}. */
    public static final int DEFAULT_REGISTRATION_QUEUE = 10_000;
    /** Default of {@code channelStaleSeconds}: three report intervals of a default channel. */
    public static final int DEFAULT_CHANNEL_STALE_SECONDS = 30;
    /** Default of {@code balanceIntervalSeconds}. */
    public static final int DEFAULT_BALANCE_INTERVAL_SECONDS = 5;
    /** Default of {@code tolerancePercent}. */
    public static final int DEFAULT_TOLERANCE_PERCENT = 10;
    /** Default of {@code shedCooldownSeconds}. */
    public static final int DEFAULT_SHED_COOLDOWN_SECONDS = 15;

    public LinkSettings {
        if (listenHost == null || listenHost.isBlank()) {
            throw new IllegalArgumentException("listenHost must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        if (maxFrameBytes < 1024) {
            throw new IllegalArgumentException("maxFrameBytes must be at least 1024, was " + maxFrameBytes);
        }
        if (heartbeatSeconds < 1) {
            throw new IllegalArgumentException("heartbeatSeconds must be positive, was " + heartbeatSeconds);
        }
        if (workerThreads < 1 || workerThreads > 64) {
            throw new IllegalArgumentException("workerThreads must be 1-64, was " + workerThreads);
        }
        positive("registrationQueue", registrationQueue, 1);
        positive("channelStaleSeconds", channelStaleSeconds, 1);
        positive("balanceIntervalSeconds", balanceIntervalSeconds, 0);
        positive("shedCooldownSeconds", shedCooldownSeconds, 1);
        if (tolerancePercent < 1 || tolerancePercent > 100) {
            throw new IllegalArgumentException("tolerancePercent must be 1-100, was " + tolerancePercent);
        }
        listenHost = listenHost.trim();
    }

    /** The settings with the default queue, health and balancing values. */
    public LinkSettings(String listenHost, int port, int maxFrameBytes, int heartbeatSeconds, int workerThreads) {
        this(listenHost, port, maxFrameBytes, heartbeatSeconds, workerThreads, DEFAULT_REGISTRATION_QUEUE,
                DEFAULT_CHANNEL_STALE_SECONDS, DEFAULT_BALANCE_INTERVAL_SECONDS, DEFAULT_TOLERANCE_PERCENT,
                DEFAULT_SHED_COOLDOWN_SECONDS);
    }

    /** @return these settings with other balancing values */
    public LinkSettings withBalancing(int staleSeconds, int intervalSeconds, int tolerance, int cooldownSeconds) {
        return new LinkSettings(listenHost, port, maxFrameBytes, heartbeatSeconds, workerThreads, registrationQueue,
                staleSeconds, intervalSeconds, tolerance, cooldownSeconds);
    }

    static LinkSettings from(LinkConfig c) {
        return new LinkSettings(c.listenHost(), c.port(), c.maxFrameBytes(), c.heartbeatSeconds(), c.workerThreads(),
                c.registrationQueue(), c.channelStaleSeconds(), c.balanceIntervalSeconds(), c.tolerancePercent(),
                c.shedCooldownSeconds());
    }

    private static void positive(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
        }
    }
}
