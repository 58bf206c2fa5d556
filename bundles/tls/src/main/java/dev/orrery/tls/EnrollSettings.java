package dev.orrery.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

/**
 * Where an agent's or channel's TLS identity lives and how it enrolls.
 *
 * @param dir folder of key.pem, cert.pem, ca.pem
 * @param token the enrollment token; empty to read {@code tokenFile}
 * @param tokenFile a file holding the token (used when {@code token} is empty)
 * @param caFile the CA certificate to pin (used when it exists)
 * @param caFingerprint the CA's SHA-256 fingerprint to pin when there is no {@code caFile}
 */
public record EnrollSettings(Path dir, String token, Path tokenFile, Path caFile, String caFingerprint) {

    /**
     * @return the pinned CA certificate, or {@code null} if only a fingerprint is pinned
     * @throws IOException if neither is configured or the file does not parse
     */
    public X509Certificate caCertificate() throws IOException {
        if (caFile != null && Files.isRegularFile(caFile)) {
            try {
                X509Certificate c = Pem.readCertificate(Files.readString(caFile));
                if (caFingerprint != null && !caFingerprint.isBlank() && !Fingerprints.matches(c, caFingerprint)) {
                    throw new IOException("the CA in " + caFile + " does not match the configured fingerprint");
                }
                return c;
            } catch (GeneralSecurityException e) {
                throw new IOException("unreadable CA certificate " + caFile + ": " + e.getMessage(), e);
            }
        }
        if (caFingerprint == null || caFingerprint.isBlank()) {
            throw new IOException("cannot enroll: no CA certificate at " + caFile + " and no CA fingerprint configured");
        }
        return null;
    }

    /** @return the token @throws IOException if there is none */
    public String resolveToken() throws IOException {
        if (token != null && !token.isBlank()) {
            return token.trim();
        }
        if (tokenFile != null && Files.isRegularFile(tokenFile)) {
            return Enroller.readToken(tokenFile);
        }
        throw new IOException("cannot enroll: no enrollment token configured and no token file at " + tokenFile);
    }
}
