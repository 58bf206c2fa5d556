package dev.orrery.tls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** PEM text for certificates and PKCS#8 private keys (EC or RSA). */
public final class Pem {
    private static final String CERT = "CERTIFICATE";
    private static final String KEY = "PRIVATE KEY";

    private Pem() {
    }

    /** @param c a certificate @return its PEM text */
    public static String certificate(X509Certificate c) {
        try {
            return armor(CERT, c.getEncoded());
        } catch (CertificateException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    /** @param k a private key @return its PKCS#8 PEM text */
    public static String privateKey(PrivateKey k) {
        return armor(KEY, k.getEncoded());
    }

    /**
     * @param pem PEM text holding one certificate
     * @return the certificate
     * @throws GeneralSecurityException if it does not parse
     */
    public static X509Certificate readCertificate(String pem) throws GeneralSecurityException {
        return certificate(unarmor(CERT, pem));
    }

    /**
     * @param der DER bytes
     * @return the certificate
     * @throws GeneralSecurityException if they do not parse
     */
    public static X509Certificate certificate(byte[] der) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    /**
     * @param pem PEM text holding one PKCS#8 private key
     * @return the key (EC tried first, then RSA)
     * @throws GeneralSecurityException if it does not parse
     */
    public static PrivateKey readPrivateKey(String pem) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(unarmor(KEY, pem));
        try {
            return KeyFactory.getInstance("EC").generatePrivate(spec);
        } catch (GeneralSecurityException e) {
            return KeyFactory.getInstance("RSA").generatePrivate(spec);
        }
    }

    private static String armor(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    private static byte[] unarmor(String label, String pem) throws GeneralSecurityException {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int b = pem.indexOf(begin);
        int e = pem.indexOf(end);
        if (b < 0 || e < b) {
            throw new GeneralSecurityException("no " + label + " block");
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(b + begin.length(), e));
        } catch (IllegalArgumentException x) {
            throw new GeneralSecurityException("bad base64 in " + label, x);
        }
    }
}
