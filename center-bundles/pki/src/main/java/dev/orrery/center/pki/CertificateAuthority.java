package dev.orrery.center.pki;

import dev.orrery.tls.TlsIdentity;
import java.security.cert.X509Certificate;

/** The center's CA, created at first start. */
public interface CertificateAuthority {

    /** @return the CA certificate (public: agents and channels pin it) */
    X509Certificate caCertificate();

    /** @return the identity of the center's link server (key, certificate issued by this CA, CA) */
    TlsIdentity serverIdentity();
}
