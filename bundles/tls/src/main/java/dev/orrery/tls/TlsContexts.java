package dev.orrery.tls;

import dev.orrery.tls.internal.CaTrustManager;
import dev.orrery.tls.internal.SingleKeyManager;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.apache.mina.filter.ssl.SslFilter;

/**
 * SSL contexts that trust exactly one CA (a direct signature by it, no chains of intermediates)
 * and accept only peers whose certificate names one of the expected roles, and the MINA filters
 * that use them (TLS 1.3).
 */
public final class TlsContexts {
    /** Name of the TLS filter in a MINA chain: always first, before the codec. */
    public static final String FILTER = "orrery-tls";
    /** The protocols enabled on every link. */
    public static final String[] PROTOCOLS = {"TLSv1.3"};
    /** Sessions a server context keeps for resumption. */
    public static final int SERVER_SESSION_CACHE = 1024;

    private TlsContexts() {
    }

    /**
     * @param own this side's identity (its key and certificate are presented to the peer)
     * @param peers the roles a peer's certificate may have
     * @return the context
     */
    public static SSLContext of(TlsIdentity own, Set<PeerRole> peers) {
        return build(new KeyManager[] {new SingleKeyManager(own)}, new CaTrustManager(own.ca(), null, peers));
    }

    /**
     * A client context without a key of its own (enrollment), trusting a center whose chain
     * leads to the given CA, or, if {@code ca} is {@code null}, to a CA with the pinned fingerprint.
     *
     * @param ca the CA certificate, or {@code null}
     * @param pin the CA's SHA-256 fingerprint when {@code ca} is {@code null}
     * @return the context
     */
    public static SSLContext enrollment(X509Certificate ca, String pin) {
        if (ca == null && (pin == null || pin.isBlank())) {
            throw new IllegalArgumentException("enrollment needs the CA certificate or its fingerprint");
        }
        return build(null, new CaTrustManager(ca, pin, Set.of(PeerRole.CENTER)));
    }

    /**
     * @param context a server context
     * @param requireClientCertificate {@code true}: no certificate, no session; {@code false}:
     *        a certificate is asked for but optional (the center's port also serves enrollment)
     * @return a filter to add first in an acceptor's chain
     */
    public static SslFilter serverFilter(SSLContext context, boolean requireClientCertificate) {
        SslFilter f = new SslFilter(context);
        if (requireClientCertificate) {
            f.setNeedClientAuth(true);
        } else {
            f.setWantClientAuth(true);
        }
        return configured(f);
    }

    /** @param context a client context @return a filter to add first in a connector's chain */
    public static SslFilter clientFilter(SSLContext context) {
        return configured(new SslFilter(context));
    }

    /**
     * A client filter for one session's own chain (added in a session initializer): the handshake
     * starts when the session opens, not when the filter is added.
     *
     * @param context that session's client context
     * @return the filter
     */
    public static SslFilter sessionClientFilter(SSLContext context) {
        return configured(new SslFilter(context, false));
    }

    private static SslFilter configured(SslFilter f) {
        f.setEnabledProtocols(PROTOCOLS);
        // MINA's non-blocking pipeline runs the engine's delegated tasks on another thread and can
        // leave application data decoded there undelivered until the next read; the blocking one
        // runs them in line.
        f.setUseNonBlockingPipeline(false);
        return f;
    }

    private static SSLContext build(KeyManager[] keys, CaTrustManager trust) {
        try {
            SSLContext c = SSLContext.getInstance("TLSv1.3");
            c.init(keys, new TrustManager[] {trust}, new SecureRandom());
            // Without stateless tickets (bin/setenv of center and channel) the server caches every
            // session for resumption, 24 h by default: at the center that is every registration of
            // the fleet, ~8 KiB each. A bounded cache keeps resumption for recent reconnects only.
            c.getServerSessionContext().setSessionCacheSize(SERVER_SESSION_CACHE);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS 1.3 unavailable", e);
        }
    }
}
