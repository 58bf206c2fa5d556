package dev.orrery.tls;

import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.ssl.SslFilter;

/**
 * Who is on the other end of a secured session, from its certificate's subject.
 *
 * @param role the subject's OU as a role, {@code null} if it names none
 * @param id the subject's CN
 * @param certificate the peer's certificate
 */
public record PeerIdentity(PeerRole role, String id, X509Certificate certificate) {

    /**
     * @param session a MINA session behind an {@code SslFilter}
     * @return the peer's identity, empty if the session is not secured or the peer sent no certificate
     */
    public static Optional<PeerIdentity> of(IoSession session) {
        Object s = session.getAttribute(SslFilter.SSL_SECURED);
        if (!(s instanceof SSLSession ssl)) {
            return Optional.empty();
        }
        try {
            java.security.cert.Certificate[] chain = ssl.getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate c)) {
                return Optional.empty();
            }
            return Optional.of(of(c));
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }

    /**
     * @param c a certificate issued by the center's CA
     * @return its identity
     * @throws IllegalArgumentException if the subject has no CN
     */
    public static PeerIdentity of(X509Certificate c) {
        String cn = null;
        String ou = null;
        try {
            for (Rdn rdn : new LdapName(c.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    cn = rdn.getValue().toString();
                } else if ("OU".equalsIgnoreCase(rdn.getType())) {
                    ou = rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            throw new IllegalArgumentException("unreadable subject", e);
        }
        if (cn == null) {
            throw new IllegalArgumentException("subject without CN");
        }
        return new PeerIdentity(PeerRole.ofUnit(ou), cn, c);
    }
}
