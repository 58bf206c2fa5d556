package dev.orrery.tls.internal;

import dev.orrery.tls.Fingerprints;
import dev.orrery.tls.PeerIdentity;
import dev.orrery.tls.PeerRole;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Set;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts a peer whose certificate is signed directly by one CA, is valid now and names an
 * expected role. The CA is either known, or found in the peer's chain by its pinned fingerprint.
 */
public final class CaTrustManager implements X509TrustManager {
    private final X509Certificate ca;
    private final String pin;
    private final Set<PeerRole> roles;

    /**
     * @param ca the CA, or {@code null} to find it in the peer's chain by {@code pin}
     * @param pin the CA's SHA-256 fingerprint (used when {@code ca} is {@code null})
     * @param roles the roles a peer may have
     */
    public CaTrustManager(X509Certificate ca, String pin, Set<PeerRole> roles) {
        this.ca = ca;
        this.pin = pin;
        this.roles = Set.copyOf(roles);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return ca == null ? new X509Certificate[0] : new X509Certificate[] {ca};
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("no certificate");
        }
        X509Certificate issuer = ca != null ? ca : pinned(chain);
        X509Certificate leaf = chain[0];
        leaf.checkValidity();
        if (!leaf.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            throw new CertificateException("certificate not issued by the Orrery CA");
        }
        try {
            leaf.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new CertificateException("certificate not signed by the Orrery CA");
        }
        PeerIdentity peer;
        try {
            peer = PeerIdentity.of(leaf);
        } catch (IllegalArgumentException e) {
            throw new CertificateException(e.getMessage());
        }
        if (peer.role() == null || !roles.contains(peer.role())) {
            throw new CertificateException("peer role " + peer.role() + " not accepted here");
        }
    }

    private X509Certificate pinned(X509Certificate[] chain) throws CertificateException {
        for (X509Certificate c : chain) {
            if (Fingerprints.matches(c, pin)) {
                c.checkValidity();
                return c;
            }
        }
        throw new CertificateException("the center's CA does not match the pinned fingerprint");
    }
}
