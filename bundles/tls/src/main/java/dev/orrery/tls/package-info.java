/**
 * TLS for every Orrery link, JDK only: identities (private key, certificate, CA certificate) kept
 * as PEM files, SSL contexts that trust exactly one CA and check the role of the peer's
 * certificate, MINA {@code SslFilter}s preferring TLS 1.3, and the peer identity of a secured
 * session. Certificates are issued by the center's CA (bundle {@code dev.orrery.center.pki}); a
 * subject is {@code CN=<id>,OU=<role>,O=Orrery} with role {@code agent}, {@code channel} or
 * {@code center}.
 */
@Export
@Version("0.2.0")
package dev.orrery.tls;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
