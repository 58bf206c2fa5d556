package dev.orrery.tls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 fingerprints of certificates, as pinned in configuration. */
public final class Fingerprints {
    private Fingerprints() {
    }

    /** @param c a certificate @return the SHA-256 of its DER encoding, lowercase hex without separators */
    public static String sha256(X509Certificate c) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * @param pin a configured fingerprint: hex, any case, colons or spaces allowed
     * @return the canonical form (lowercase hex, no separators)
     */
    public static String normalize(String pin) {
        return pin.replaceAll("[:\\s]", "").toLowerCase(Locale.ROOT);
    }

    /** @param c a certificate @param pin a configured fingerprint @return whether they match (constant time) */
    public static boolean matches(X509Certificate c, String pin) {
        return MessageDigest.isEqual(sha256(c).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                normalize(pin).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
