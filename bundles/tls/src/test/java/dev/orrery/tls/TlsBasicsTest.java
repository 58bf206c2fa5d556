package dev.orrery.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsBasicsTest {
    @TempDir
    Path dir;

    private static String resource(String name) throws IOException {
        try (InputStream in = TlsBasicsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void peerIdentityReadsRoleAndEscapedId() throws Exception {
        X509Certificate c = Pem.readCertificate(resource("self-signed.pem"));
        PeerIdentity id = PeerIdentity.of(c);
        assertEquals(PeerRole.AGENT, id.role());
        assertEquals("host, 1", id.id());
        assertEquals(new X500Principal("CN=host\\, 1,OU=agent,O=Orrery"), new X500Principal(PeerRole.AGENT.subject("host, 1")));
    }

    @Test
    void fingerprintsNormalizeAndMatch() throws Exception {
        X509Certificate c = Pem.readCertificate(resource("self-signed.pem"));
        String hex = "1756000c469825351cef8fa014d53b62bdd2327d8b8f463ecffb083b96f9cfd2";
        assertEquals(hex, Fingerprints.sha256(c));
        assertTrue(Fingerprints.matches(c, hex.toUpperCase().replaceAll("(..)(?!$)", "$1:")));
        assertFalse(Fingerprints.matches(c, hex.replace('1', '2')));
    }

    @Test
    void identitySavesTheKeyOwnerOnlyAndLoadsBack() throws Exception {
        X509Certificate c = Pem.readCertificate(resource("self-signed.pem"));
        TlsIdentity t = new TlsIdentity(Pem.readPrivateKey(resource("self-signed.key")), c, c);
        assertFalse(TlsIdentity.exists(dir));
        t.save(dir.resolve("tls"));
        assertTrue(TlsIdentity.exists(dir.resolve("tls")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("tls/key.pem"))));
        TlsIdentity back = TlsIdentity.load(dir.resolve("tls"));
        assertEquals(t.key(), back.key());
        assertEquals(c, back.certificate());
    }

    @Test
    void enrollSettingsNeedACaAndAToken() throws Exception {
        EnrollSettings none = new EnrollSettings(dir, "", dir.resolve("missing.token"), dir.resolve("missing.pem"), "");
        assertThrows(IOException.class, none::caCertificate);
        assertThrows(IOException.class, none::resolveToken);
        Files.writeString(dir.resolve("t"), " ork_abc \n");
        Files.writeString(dir.resolve("ca.pem"), resource("self-signed.pem"));
        EnrollSettings file = new EnrollSettings(dir, "", dir.resolve("t"), dir.resolve("ca.pem"), "");
        assertEquals("ork_abc", file.resolveToken());
        assertEquals(Pem.readCertificate(resource("self-signed.pem")), file.caCertificate());
        EnrollSettings wrongPin = new EnrollSettings(dir, "x", null, dir.resolve("ca.pem"), "00");
        assertThrows(IOException.class, wrongPin::caCertificate);
        assertThrows(IllegalArgumentException.class, () -> TlsContexts.enrollment(null, " "));
    }
}
