package dev.orrery.channel.relay.internal;

import dev.orrery.tls.EnrollSettings;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The channel's TLS settings: whether links are secured, and where its identity lives and how it
 * enrolls.
 *
 * @param enabled TLS on the agent port and the uplink
 * @param enroll identity folder, token, pinned CA
 */
record ChannelTls(boolean enabled, EnrollSettings enroll) {
    /** Plain text on both links. */
    static final ChannelTls OFF = new ChannelTls(false, null);

    static ChannelTls from(ChannelConfiguration c) {
        if (!c.tls()) {
            return OFF;
        }
        Path data = orreryData();
        return new ChannelTls(true, new EnrollSettings(path(c.tlsDir(), data.resolve("tls").resolve("channel")), c.enrollToken(),
                path(c.enrollTokenFile(), data.resolve("enroll-channel.token")), path(c.caFile(), data.resolve("ca.pem")),
                c.caFingerprint()));
    }

    private static Path path(String configured, Path fallback) {
        return configured == null || configured.isBlank() ? fallback : Paths.get(configured.trim());
    }

    private static Path orreryData() {
        String data = System.getProperty("karaf.data");
        return Paths.get(data != null ? data : "data", "orrery");
    }
}
