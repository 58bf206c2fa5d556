package dev.orrery.center.link.internal;

import dev.orrery.center.pki.CertificateAuthority;
import dev.orrery.center.pki.EnrollOutcome;
import dev.orrery.center.pki.Enrollment;
import dev.orrery.center.pki.Revocations;
import dev.orrery.protocol.Message;
import dev.orrery.tls.PeerIdentity;
import dev.orrery.tls.PeerRole;
import dev.orrery.tls.TlsContexts;
import java.security.cert.CertificateEncodingException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS on the center's port: the server context (the center's certificate; client certificates of
 * agents and channels asked for, optional because enrollment comes without one), enrollment, and
 * the identity checks of registrations and channel hellos (certificate subject = claimed id,
 * host not revoked).
 *
 * @param context the server SSL context
 * @param ca the CA (its certificate goes to enrolled peers)
 * @param enrollment token checks and issuing
 * @param revocations revoked hosts
 */
record LinkSecurity(SSLContext context, CertificateAuthority ca, Enrollment enrollment, Revocations revocations) {
    private static final Logger LOG = LoggerFactory.getLogger(LinkSecurity.class);

    static LinkSecurity of(CertificateAuthority ca, Enrollment enrollment, Revocations revocations) {
        SSLContext c = TlsContexts.of(ca.serverIdentity(), Set.of(PeerRole.AGENT, PeerRole.CHANNEL));
        return new LinkSecurity(c, ca, enrollment, revocations);
    }

    /** @return the answer to an enrollment request */
    Message enroll(Message.Enroll e) {
        PeerRole role = e.role() == Message.Role.CHANNEL ? PeerRole.CHANNEL : PeerRole.AGENT;
        EnrollOutcome out = enrollment.enroll(role, e.id(), e.token(), e.publicKey());
        if (!out.accepted()) {
            return new Message.EnrollRefused(out.code(), out.reason());
        }
        try {
            return new Message.Enrolled(e.id(), out.certificate().getEncoded(), ca.caCertificate().getEncoded());
        } catch (CertificateEncodingException x) {
            return new Message.EnrollRefused("ENROLL_REFUSED", "certificate could not be encoded");
        }
    }

    /** @return why the session may not register this host or say hello as this channel, empty if it may */
    Optional<String> refusal(IoSession session, PeerRole role, String id) {
        Optional<PeerIdentity> peer = PeerIdentity.of(session);
        if (peer.isEmpty()) {
            return Optional.of("no client certificate");
        }
        if (peer.get().role() != role || !peer.get().id().equals(id)) {
            return Optional.of("certificate of " + peer.get().role() + " " + peer.get().id() + " claims " + role + " " + id);
        }
        if (role == PeerRole.AGENT && revocations.isRevoked(id)) {
            return Optional.of("host " + id + " is revoked");
        }
        return Optional.empty();
    }

    /** @return whether the session was refused (and closed) for registering this host or saying hello as this channel */
    boolean refused(IoSession session, PeerRole role, String id) {
        Optional<String> why = refusal(session, role, id);
        why.ifPresent(w -> {
            log(session, w);
            session.closeNow();
        });
        return why.isPresent();
    }

    /** @return the full revoked list, told to a channel when it connects */
    Message.Revocations fullList() {
        return new Message.Revocations(true, List.copyOf(revocations.revoked()), List.of());
    }

    static void log(IoSession session, String why) {
        LOG.warn("Refusing session {} from {}: {}", session.getId(), session.getRemoteAddress(), why);
    }
}
