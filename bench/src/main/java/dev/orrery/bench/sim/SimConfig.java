package dev.orrery.bench.sim;

import java.net.InetSocketAddress;

/**
 * Settings of one simulator process; the timing defaults are the real agent's.
 *
 * @param center the center's address for registration
 * @param first global index of the first agent of this process
 * @param count how many agents this process simulates
 * @param perAddress agents sharing one loopback source address
 * @param idc the datacenter every agent declares
 * @param group the host group every agent declares
 * @param ioThreads MINA I/O processors shared by every connection of the process
 * @param ratePerSecond agents started per second, 0 for all at once
 */
public record SimConfig(InetSocketAddress center, int first, int count, int perAddress, String idc, String group,
        int ioThreads, int ratePerSecond) {
    /** The version simulated agents announce. */
    public static final String VERSION = "0.1.0-sim";
    /** Agent defaults: reconnect backoff bounds, ms. */
    static final long RECONNECT_MIN_MILLIS = 500;
    static final long RECONNECT_MAX_MILLIS = 30_000;
    /** Agent defaults: result resend backoff bounds, ms. */
    static final long RESEND_MIN_MILLIS = 5_000;
    static final long RESEND_MAX_MILLIS = 60_000;
    /** Agent defaults: heartbeat period when the welcome names none, and registration timeout. */
    static final int HEARTBEAT_SECONDS = 10;
    static final long REGISTER_TIMEOUT_MILLIS = 15_000;
    static final long CONNECT_TIMEOUT_MILLIS = 10_000;
    /** Rounds over a failing channel list before registering again, as the real agent. */
    static final int ROUNDS_BEFORE_REGISTERING = 3;
    /** TLS handshakes one simulator process has in progress at once ({@link HandshakeSlots}). */
    static final int MAX_HANDSHAKES = 32;

    public SimConfig {
        if (count < 0 || first < 0 || perAddress < 1 || ioThreads < 1 || ratePerSecond < 0) {
            throw new IllegalArgumentException("bad simulator settings: first=" + first + " count=" + count
                    + " perAddress=" + perAddress + " ioThreads=" + ioThreads + " rate=" + ratePerSecond);
        }
    }
}
