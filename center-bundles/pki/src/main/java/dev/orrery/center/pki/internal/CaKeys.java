package dev.orrery.center.pki.internal;

import dev.orrery.center.store.MasterKey;
import dev.orrery.tls.KeyPairs;
import dev.orrery.tls.Pem;
import dev.orrery.tls.PeerRole;
import dev.orrery.tls.TlsIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;

/**
 * The CA's certificate ({@code pki/ca.pem}) and private key ({@code pki/ca.key.sealed}: PKCS#8
 * sealed with the master key, base64), created at first start; the center's server identity,
 * a fresh key and certificate at every start (held in memory only).
 */
final class CaKeys {
    static final String CA_PEM = "ca.pem";
    static final String CA_KEY = "ca.key.sealed";

    private final X509Certificate ca;
    private final PrivateKey caKey;
    private final Duration leafValidity;
    private final TlsIdentity server;

    CaKeys(Path pki, MasterKey master, Duration caValidity, Duration leafValidity) throws IOException, GeneralSecurityException {
        this.leafValidity = leafValidity;
        Path pem = pki.resolve(CA_PEM);
        Path sealed = pki.resolve(CA_KEY);
        if (Files.isRegularFile(pem) && Files.isRegularFile(sealed)) {
            ca = Pem.readCertificate(Files.readString(pem));
            byte[] der = master.open(Base64.getDecoder().decode(Files.readString(sealed, StandardCharsets.US_ASCII).trim()));
            caKey = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } else {
            KeyPair keys = KeyPairs.ecP256();
            ca = Issuer.selfSignedCa(keys, caValidity);
            caKey = keys.getPrivate();
            TlsIdentity.writeOwnerOnly(sealed, Base64.getEncoder().encodeToString(master.seal(caKey.getEncoded())) + "\n");
            TlsIdentity.writeOwnerOnly(pem, Pem.certificate(ca));
        }
        KeyPair own = KeyPairs.ecP256();
        server = new TlsIdentity(own.getPrivate(), issue(PeerRole.CENTER, "center", own.getPublic()), ca);
    }

    X509Certificate ca() {
        return ca;
    }

    TlsIdentity server() {
        return server;
    }

    X509Certificate issue(PeerRole role, String id, PublicKey key) throws GeneralSecurityException {
        return Issuer.leaf(ca, caKey, role, id, key, leafValidity);
    }
}
