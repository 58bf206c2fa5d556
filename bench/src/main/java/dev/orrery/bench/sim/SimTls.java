package dev.orrery.bench.sim;

import dev.orrery.tls.PeerRole;
import dev.orrery.tls.TlsContexts;
import java.security.cert.X509Certificate;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * TLS of the simulated agents, as the real agent does it (docs/tls.md): each enrolls once with
 * the token, trusting only the center's CA, then speaks mutual TLS with its own certificate.
 *
 * @param ca the center's CA certificate
 * @param token the agent enrollment token
 * @param enrollment the context of enrollment sessions (no key of its own, trusts the CA's center)
 */
record SimTls(X509Certificate ca, String token, SSLContext enrollment) {
    static SimTls of(X509Certificate ca, String token) {
        return new SimTls(ca, token, TlsContexts.enrollment(ca, null));
    }

    static Set<PeerRole> peers() {
        return Set.of(PeerRole.CENTER, PeerRole.CHANNEL);
    }
}
