package dev.orrery.center.pki.internal;

import dev.orrery.tls.KeyPairs;
import dev.orrery.tls.PeerRole;
import dev.orrery.tls.TlsIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;

/** A throw-away CA for TLS tests (published in this module's test jar). */
public final class TestPki {
    private final PkiComponent pki;
    private final Path data;

    /** @param data a temporary folder */
    public TestPki(Path data) {
        this.data = data;
        this.pki = new PkiComponent(data, new TestMasterKey(), Duration.ofDays(30), Duration.ofDays(5), true, Clock.systemUTC());
    }

    /** A CA in a new temporary folder. */
    public TestPki() {
        this(tempDir());
    }

    /** @return the CA, enrollment and revocation */
    public PkiComponent pki() {
        return pki;
    }

    /** @return the data folder (ca.pem, enroll-agent.token, enroll-channel.token) */
    public Path data() {
        return data;
    }

    /** @param role a role @param id a subject id @return a fresh identity issued by this CA */
    public TlsIdentity identity(PeerRole role, String id) {
        KeyPair k = KeyPairs.ecP256();
        try {
            return new TlsIdentity(k.getPrivate(), Issuer.leaf(pki.caCertificate(), caKey(), role, id, k.getPublic(),
                    Duration.ofDays(1)), pki.caCertificate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the default agent token */
    public String agentToken() {
        return read(PkiComponent.AGENT_TOKEN);
    }

    /** @return the default channel token */
    public String channelToken() {
        return read(PkiComponent.CHANNEL_TOKEN);
    }

    private java.security.PrivateKey caKey() throws GeneralSecurityException {
        try {
            byte[] der = new TestMasterKey().open(java.util.Base64.getDecoder().decode(
                    Files.readString(data.resolve("pki").resolve(CaKeys.CA_KEY)).trim()));
            return java.security.KeyFactory.getInstance("EC").generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String read(String file) {
        try {
            return Files.readString(data.resolve(file)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            Path p = Files.createTempDirectory("orrery-pki-test");
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
