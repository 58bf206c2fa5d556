package dev.orrery.tls;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;

/** Key pairs for Orrery certificates: ECDSA on P-256. */
public final class KeyPairs {
    private KeyPairs() {
    }

    /** @return a new P-256 key pair */
    public static KeyPair ecP256() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 unavailable", e);
        }
    }

    /**
     * @param x509 a public key in X.509 (SubjectPublicKeyInfo) encoding
     * @return the EC public key
     * @throws GeneralSecurityException if it is not one
     */
    public static PublicKey ecPublicKey(byte[] x509) throws GeneralSecurityException {
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(x509));
    }
}
