package dev.orrery.center.pki;

import dev.orrery.tls.PeerRole;
import java.time.Duration;

/** Enrollment tokens and the certificates they buy. Only hashes of tokens are stored. */
public interface Enrollment {

    /**
     * @param role {@link PeerRole#AGENT} or {@link PeerRole#CHANNEL}
     * @param id the hostId or channel id: the certificate's subject
     * @param token the token presented
     * @param publicKey the enrolling side's public key, X.509 encoding (P-256)
     * @return the certificate, or a refusal (bad, expired or used-up token, wrong kind, revoked host, bad key)
     */
    EnrollOutcome enroll(PeerRole role, String id, String token, byte[] publicKey);

    /**
     * @param kind what the token enrolls: {@link PeerRole#AGENT} or {@link PeerRole#CHANNEL}
     * @param ttl how long it is valid; zero or negative: never expires
     * @param uses how many enrollments it allows; zero or negative: unlimited
     * @return the token (shown once; only its hash is kept)
     */
    String createToken(PeerRole kind, Duration ttl, int uses);
}
