package dev.orrery.agent.core.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The validated settings of the agent.
 *
 * @param centerHost center host name or address
 * @param centerPort center registration port
 * @param enrollmentToken token sent at registration, never {@code null}
 * @param heartbeatSeconds heartbeat period unless the center names one
 * @param reconnectMinMillis smallest reconnect delay
 * @param reconnectMaxMillis largest reconnect delay
 * @param workers size of the worker pool
 * @param maxFrameBytes largest frame payload accepted
 * @param agentVersion version reported to the center and channel
 * @param durability where and how tasks and results are persisted
 * @param bindAddress local IP literal every connection is made from, never {@code null}; empty: any
 * @param limits status reporting, the data spool and the watchdog
 */
record AgentSettings(String centerHost, int centerPort, String enrollmentToken, int heartbeatSeconds,
        long reconnectMinMillis, long reconnectMaxMillis, int workers, int maxFrameBytes, String agentVersion,
        Durability durability, String bindAddress, AgentLimits limits) {

    /**
     * The persistence settings.
     *
     * @param dataDir absolute folder of the ledger and the outbox
     * @param ledgerRetentionHours how long an acknowledged ledger entry is kept, at least 1
     * @param outboxCapacity the most results kept for the center, at least 1
     * @param resendMinMillis first resend delay of an unacknowledged result
     * @param resendMaxMillis largest resend delay
     * @param resumeHandlerWaitSeconds how long a resumed task waits for its handler after a restart
     */
    record Durability(Path dataDir, int ledgerRetentionHours, int outboxCapacity, long resendMinMillis,
            long resendMaxMillis, int resumeHandlerWaitSeconds) {
        Durability {
            require(dataDir != null && dataDir.isAbsolute(), "dataDir must be an absolute path: " + dataDir);
            require(ledgerRetentionHours >= 1, "ledgerRetentionHours must be at least 1: " + ledgerRetentionHours);
            require(outboxCapacity >= 1, "outboxCapacity must be at least 1: " + outboxCapacity);
            require(resendMinMillis >= 1, "resendMinMillis must be at least 1: " + resendMinMillis);
            require(resendMaxMillis >= resendMinMillis,
                    "resendMaxMillis (" + resendMaxMillis + ") must not be below resendMinMillis (" + resendMinMillis + ")");
            require(resumeHandlerWaitSeconds >= 0, "resumeHandlerWaitSeconds must not be negative: " + resumeHandlerWaitSeconds);
        }

        /** @param dataDir the data folder @return the defaults of everything else */
        static Durability defaults(Path dataDir) {
            return new Durability(dataDir, 24, 10_000, 1_000, 60_000, 60);
        }
    }

    AgentSettings {
        centerHost = centerHost == null ? "" : centerHost.trim();
        enrollmentToken = enrollmentToken == null ? "" : enrollmentToken.trim();
        require(!centerHost.isEmpty(), "centerHost must not be empty");
        require(centerPort >= 1 && centerPort <= 65535, "centerPort must be within 1..65535: " + centerPort);
        require(heartbeatSeconds >= 1, "heartbeatSeconds must be at least 1: " + heartbeatSeconds);
        require(reconnectMinMillis >= 1, "reconnectMinMillis must be at least 1: " + reconnectMinMillis);
        require(reconnectMaxMillis >= reconnectMinMillis,
                "reconnectMaxMillis (" + reconnectMaxMillis + ") must not be below reconnectMinMillis (" + reconnectMinMillis + ")");
        require(workers >= 1, "workers must be at least 1: " + workers);
        require(maxFrameBytes >= 65536, "maxFrameBytes must be at least 65536: " + maxFrameBytes);
        require(durability != null, "durability settings are required");
        require(limits != null, "limits are required");
        bindAddress = bindAddress == null ? "" : bindAddress.trim();
        require(bindAddress.isEmpty() || literal(bindAddress).isPresent(),
                "bindAddress must be empty or an IP address literal: " + bindAddress);
    }

    /** The settings with the default limits. */
    AgentSettings(String centerHost, int centerPort, String enrollmentToken, int heartbeatSeconds,
            long reconnectMinMillis, long reconnectMaxMillis, int workers, int maxFrameBytes, String agentVersion,
            Durability durability, String bindAddress) {
        this(centerHost, centerPort, enrollmentToken, heartbeatSeconds, reconnectMinMillis, reconnectMaxMillis, workers,
                maxFrameBytes, agentVersion, durability, bindAddress, AgentLimits.defaults());
    }

    /** The settings connecting from any local address. */
    AgentSettings(String centerHost, int centerPort, String enrollmentToken, int heartbeatSeconds,
            long reconnectMinMillis, long reconnectMaxMillis, int workers, int maxFrameBytes, String agentVersion,
            Durability durability) {
        this(centerHost, centerPort, enrollmentToken, heartbeatSeconds, reconnectMinMillis, reconnectMaxMillis, workers,
                maxFrameBytes, agentVersion, durability, "");
    }

    /** @return the local address (any port) connections are made from; empty: chosen by the system */
    Optional<InetSocketAddress> localAddress() {
        return literal(bindAddress).map(a -> new InetSocketAddress(a, 0));
    }

    /**
     * @param c the typed configuration
     * @param agentVersion the bundle's version
     * @return the validated settings
     * @throws IllegalArgumentException naming the first bad setting
     */
    static AgentSettings of(AgentConfig c, String agentVersion) {
        String dir = c.dataDir() == null ? "" : c.dataDir().trim();
        Path dataDir = dir.isEmpty() ? Path.of(System.getProperty("karaf.data", "data"), "orrery", "agent").toAbsolutePath()
                : Path.of(dir);
        Durability d = new Durability(dataDir, c.ledgerRetentionHours(), c.outboxCapacity(), c.resendMinMillis(),
                c.resendMaxMillis(), c.resumeHandlerWaitSeconds());
        return new AgentSettings(c.centerHost(), c.centerPort(), c.enrollmentToken(), c.heartbeatSeconds(),
                c.reconnectMinMillis(), c.reconnectMaxMillis(), c.workers(), c.maxFrameBytes(), agentVersion, d,
                c.bindAddress(), AgentLimits.of(c));
    }

    Path dataDir() {
        return durability.dataDir();
    }

    int outboxCapacity() {
        return durability.outboxCapacity();
    }

    long resendMinMillis() {
        return durability.resendMinMillis();
    }

    long resendMaxMillis() {
        return durability.resendMaxMillis();
    }

    long ledgerRetentionMillis() {
        return durability.ledgerRetentionHours() * 3_600_000L;
    }

    long resumeHandlerWaitMillis() {
        return durability.resumeHandlerWaitSeconds() * 1000L;
    }

    /** An IPv4 (four decimal octets) or IPv6 literal, parsed without any name lookup. */
    private static Optional<InetAddress> literal(String s) {
        boolean v4 = s.matches("(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");
        if (!v4 && !s.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            return Optional.empty(); // a name, or an invalid IPv4 form that the JDK would try to resolve
        }
        try {
            return Optional.of(InetAddress.getByName(s));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
