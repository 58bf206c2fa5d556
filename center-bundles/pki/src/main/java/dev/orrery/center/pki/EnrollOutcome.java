package dev.orrery.center.pki;

import java.security.cert.X509Certificate;

/**
 * What an enrollment gave.
 *
 * @param certificate the issued certificate, {@code null} if refused
 * @param code the error code of a refusal ({@code ENROLL_REFUSED} or {@code HOST_REVOKED}), {@code null} if issued
 * @param reason why it was refused, for the peer's log
 */
public record EnrollOutcome(X509Certificate certificate, String code, String reason) {

    /** @param c the issued certificate @return an accepted outcome */
    public static EnrollOutcome issued(X509Certificate c) {
        return new EnrollOutcome(c, null, null);
    }

    /** @param code error code @param reason why @return a refusal */
    public static EnrollOutcome refused(String code, String reason) {
        return new EnrollOutcome(null, code, reason);
    }

    /** @return whether a certificate was issued */
    public boolean accepted() {
        return certificate != null;
    }
}
