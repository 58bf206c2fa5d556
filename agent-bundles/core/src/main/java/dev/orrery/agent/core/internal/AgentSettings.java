package dev.orrery.agent.core.internal;

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
 */
record AgentSettings(String centerHost, int centerPort, String enrollmentToken, int heartbeatSeconds,
        long reconnectMinMillis, long reconnectMaxMillis, int workers, int maxFrameBytes, String agentVersion) {

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
    }

    /**
     * @param c the typed configuration
     * @param agentVersion the bundle's version
     * @return the validated settings
     * @throws IllegalArgumentException naming the first bad setting
     */
    static AgentSettings of(AgentConfig c, String agentVersion) {
        return new AgentSettings(c.centerHost(), c.centerPort(), c.enrollmentToken(), c.heartbeatSeconds(),
                c.reconnectMinMillis(), c.reconnectMaxMillis(), c.workers(), c.maxFrameBytes(), agentVersion);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
