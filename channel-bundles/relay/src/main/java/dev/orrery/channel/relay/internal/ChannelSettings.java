package dev.orrery.channel.relay.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The channel's validated settings. Every constructor call validates, so a running channel
 * never holds a bad value; the message of the {@link IllegalArgumentException} names the PID,
 * the setting, the rule and the value.
 *
 * @param channelId the channel's id, empty for {@code <hostname>:<bound port>}
 * @param idc the datacenter served
 * @param listenHost the agent listener's bind address
 * @param port the agent port, 0 for any free port
 * @param advertisedAddress {@code host:port} for agents, empty for {@code 127.0.0.1:<bound port>}
 * @param centerHost the center's host
 * @param centerPort the center's channel port
 * @param maxFrameBytes largest frame payload accepted
 * @param heartbeatSeconds heartbeat period; agents idle for three periods are dropped
 * @param reportIntervalSeconds period of full reports to the center
 * @param backoffMinMs smallest reconnect delay
 * @param backoffMaxMs largest reconnect delay
 * @param admitPerSecond new agent sessions admitted per second; more are closed at once
 * @param admitBurst new agent sessions admitted at once after a quiet time
 * @param redirectsPerSecond most agents asked per second to move to another channel
 */
record ChannelSettings(String channelId, String idc, String listenHost, int port, String advertisedAddress,
        String centerHost, int centerPort, int maxFrameBytes, int heartbeatSeconds, int reportIntervalSeconds,
        long backoffMinMs, long backoffMaxMs, int admitPerSecond, int admitBurst, int redirectsPerSecond) {

    /** Default of {@code admitPerSecond}. */
    static final int DEFAULT_ADMIT_PER_SECOND = 500;
    /** Default of {@code admitBurst}. */
    static final int DEFAULT_ADMIT_BURST = 50;
    /** Default of {@code redirectsPerSecond}. */
    static final int DEFAULT_REDIRECTS_PER_SECOND = 200;

    static final String PID = "dev.orrery.channel";
    private static final int MAX_SECONDS = 86_400;

    ChannelSettings {
        channelId = channelId == null ? "" : channelId.trim();
        idc = require("idc", idc);
        listenHost = require("listenHost", listenHost);
        advertisedAddress = advertisedAddress == null ? "" : advertisedAddress.trim();
        centerHost = require("centerHost", centerHost);
        range("port", port, 0, 65_535);
        range("centerPort", centerPort, 1, 65_535);
        range("maxFrameBytes", maxFrameBytes, 1024, Integer.MAX_VALUE);
        range("heartbeatSeconds", heartbeatSeconds, 1, MAX_SECONDS);
        range("reportIntervalSeconds", reportIntervalSeconds, 1, MAX_SECONDS);
        range("reconnectBackoffMinMs", backoffMinMs, 1, 3_600_000);
        range("reconnectBackoffMaxMs", backoffMaxMs, backoffMinMs, 3_600_000);
        range("admitPerSecond", admitPerSecond, 1, 1_000_000);
        range("admitBurst", admitBurst, 1, 1_000_000);
        range("redirectsPerSecond", redirectsPerSecond, 1, 100_000);
        if (!advertisedAddress.isEmpty()) {
            checkHostPort(advertisedAddress);
        }
    }

    /** The settings with the default admission and redirect rates. */
    ChannelSettings(String channelId, String idc, String listenHost, int port, String advertisedAddress, String centerHost,
            int centerPort, int maxFrameBytes, int heartbeatSeconds, int reportIntervalSeconds, long backoffMinMs,
            long backoffMaxMs) {
        this(channelId, idc, listenHost, port, advertisedAddress, centerHost, centerPort, maxFrameBytes, heartbeatSeconds,
                reportIntervalSeconds, backoffMinMs, backoffMaxMs, DEFAULT_ADMIT_PER_SECOND, DEFAULT_ADMIT_BURST,
                DEFAULT_REDIRECTS_PER_SECOND);
    }

    /** @return these settings with other admission and redirect rates */
    ChannelSettings withRates(int admitPerSecond, int admitBurst, int redirectsPerSecond) {
        return new ChannelSettings(channelId, idc, listenHost, port, advertisedAddress, centerHost, centerPort, maxFrameBytes,
                heartbeatSeconds, reportIntervalSeconds, backoffMinMs, backoffMaxMs, admitPerSecond, admitBurst,
                redirectsPerSecond);
    }

    /**
     * @param c the typed configuration
     * @return the validated settings
     * @throws IllegalArgumentException naming the first bad setting
     */
    static ChannelSettings from(ChannelConfiguration c) {
        return new ChannelSettings(c.channelId(), c.idc(), c.listenHost(), c.port(), c.advertisedAddress(), c.centerHost(),
                c.centerPort(), c.maxFrameBytes(), c.heartbeatSeconds(), c.reportIntervalSeconds(), c.reconnectBackoffMinMs(),
                c.reconnectBackoffMaxMs(), c.admitPerSecond(), c.admitBurst(), c.redirectsPerSecond());
    }

    /** @param boundPort the port the agent listener actually got @return the id to announce */
    String resolvedChannelId(int boundPort) {
        return channelId.isEmpty() ? localHostName() + ":" + boundPort : channelId;
    }

    /** @param boundPort the port the agent listener actually got @return the address to announce */
    String resolvedAdvertisedAddress(int boundPort) {
        return advertisedAddress.isEmpty() ? "127.0.0.1:" + boundPort : advertisedAddress;
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static String require(String name, String value) {
        if (value == null || value.isBlank()) {
            throw bad(name, "must not be empty", value);
        }
        return value.trim();
    }

    private static void range(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw bad(name, "must be between " + min + " and " + max, value);
        }
    }

    private static void checkHostPort(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw bad("advertisedAddress", "must be host:port", address);
        }
        try {
            int p = Integer.parseInt(address.substring(colon + 1));
            if (p < 1 || p > 65_535) {
                throw bad("advertisedAddress", "must have a port between 1 and 65535", address);
            }
        } catch (NumberFormatException e) {
            throw bad("advertisedAddress", "must end in a numeric port", address);
        }
    }

    private static IllegalArgumentException bad(String name, String rule, Object value) {
        return new IllegalArgumentException(PID + ": " + name + " " + rule + ", was '" + value + "'");
    }
}
