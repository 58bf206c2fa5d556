package dev.orrery.tls.internal;

import dev.orrery.tls.TlsIdentity;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/** Presents one key and its chain (certificate, CA) whatever the peer asks for. */
public final class SingleKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "orrery";
    private final TlsIdentity identity;

    /** @param identity the key and certificates to present */
    public SingleKeyManager(TlsIdentity identity) {
        this.identity = identity;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return new String[] {ALIAS};
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return ALIAS;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return ALIAS;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return new String[] {ALIAS};
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return matches(keyType) ? ALIAS : null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return matches(keyType) ? ALIAS : null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return new X509Certificate[] {identity.certificate(), identity.ca()};
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return identity.key();
    }

    private boolean matches(String keyType) {
        return keyType == null || keyType.equalsIgnoreCase(identity.key().getAlgorithm());
    }
}
