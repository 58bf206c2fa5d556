package dev.orrery.tls;

import dev.orrery.api.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A private key, its certificate and the CA certificate that issued it. On disk a folder holds
 * {@code key.pem} (owner-only), {@code cert.pem} and {@code ca.pem}.
 *
 * @param key the private key
 * @param certificate its certificate
 * @param ca the issuing CA's certificate
 */
public record TlsIdentity(PrivateKey key, X509Certificate certificate, X509Certificate ca) {
    /** File name of the private key. */
    public static final String KEY_FILE = "key.pem";
    /** File name of the certificate. */
    public static final String CERT_FILE = "cert.pem";
    /** File name of the CA certificate. */
    public static final String CA_FILE = "ca.pem";

    public TlsIdentity {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(ca, "ca");
    }

    /** @param dir a folder @return whether it holds a whole identity */
    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(KEY_FILE)) && Files.isRegularFile(dir.resolve(CERT_FILE))
                && Files.isRegularFile(dir.resolve(CA_FILE));
    }

    /**
     * @param dir a folder written by {@link #save(Path)}
     * @return the identity
     * @throws IOException if a file cannot be read or parsed
     */
    public static TlsIdentity load(Path dir) throws IOException {
        try {
            return new TlsIdentity(Pem.readPrivateKey(Files.readString(dir.resolve(KEY_FILE))),
                    Pem.readCertificate(Files.readString(dir.resolve(CERT_FILE))),
                    Pem.readCertificate(Files.readString(dir.resolve(CA_FILE))));
        } catch (GeneralSecurityException e) {
            throw new IOException("unreadable TLS identity in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the three files (the key owner-only), each atomically.
     *
     * @param dir the folder, created if missing
     * @throws IOException if writing fails
     */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        writeOwnerOnly(dir.resolve(KEY_FILE), Pem.privateKey(key));
        writeOwnerOnly(dir.resolve(CERT_FILE), Pem.certificate(certificate));
        writeOwnerOnly(dir.resolve(CA_FILE), Pem.certificate(ca));
    }

    /**
     * Writes a file readable by its owner only (mode 0600 where the file system has POSIX modes),
     * atomically: the text never appears with wider permissions.
     *
     * @param file the file
     * @param text its content
     * @throws IOException if writing fails
     */
    public static void writeOwnerOnly(Path file, String text) throws IOException {
        PrivateFiles.writeOwnerOnly(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
