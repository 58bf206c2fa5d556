package dev.orrery.agent.core.internal;

import dev.orrery.tls.EnrollSettings;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The agent's TLS settings: whether its links are secured, where its identity lives and how it
 * enrolls (token, pinned CA).
 *
 * @param enabled mutual TLS to the center and the channels
 * @param enroll identity folder, token, pinned CA; {@code null} when disabled
 */
record AgentTls(boolean enabled, EnrollSettings enroll) {
    /** Plain text. */
    static final AgentTls OFF = new AgentTls(false, null);

    /**
     * @param tls whether TLS is on
     * @param dir the identity folder, empty for {@code <orrery data>/tls}
     * @param token the enrollment token, empty to read {@code tokenFile}
     * @param tokenFile the token file, empty for {@code <orrery data>/enroll-agent.token}
     * @param caFile the pinned CA certificate, empty for {@code <orrery data>/ca.pem}
     * @param caFingerprint the CA's SHA-256 fingerprint, may be empty
     * @return the settings
     */
    static AgentTls of(boolean tls, String dir, String token, String tokenFile, String caFile, String caFingerprint) {
        if (!tls) {
            return OFF;
        }
        Path data = orreryData();
        return new AgentTls(true, new EnrollSettings(path(dir, data.resolve("tls").resolve("agent")), token == null ? "" : token,
                path(tokenFile, data.resolve("enroll-agent.token")), path(caFile, data.resolve("ca.pem")),
                caFingerprint == null ? "" : caFingerprint));
    }

    static AgentTls from(AgentConfig c) {
        return of(c.tls(), c.tlsDir(), c.enrollmentToken(), c.enrollTokenFile(), c.caFile(), c.caFingerprint());
    }

    private static Path path(String configured, Path fallback) {
        return configured == null || configured.isBlank() ? fallback : Paths.get(configured.trim());
    }

    private static Path orreryData() {
        String data = System.getProperty("karaf.data");
        return Paths.get(data != null ? data : "data", "orrery");
    }
}
