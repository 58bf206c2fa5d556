package dev.orrery.center.pki.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.center.pki.EnrollOutcome;
import dev.orrery.tls.KeyPairs;
import dev.orrery.tls.PeerIdentity;
import dev.orrery.tls.PeerRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiComponentTest {
    @TempDir
    Path data;

    private PkiComponent pki(Clock clock) {
        return new PkiComponent(data, new TestMasterKey(), Duration.ofDays(100), Duration.ofDays(10), true, clock);
    }

    private static byte[] key() {
        return KeyPairs.ecP256().getPublic().getEncoded();
    }

    @Test
    void caSurvivesARestartAndDefaultTokensEnroll() throws Exception {
        PkiComponent first = pki(Clock.systemUTC());
        PkiComponent second = pki(Clock.systemUTC());
        assertEquals(first.caCertificate(), second.caCertificate());
        assertTrue(Files.readString(data.resolve("pki/ca.key.sealed")).length() > 20);
        String agentToken = Files.readString(data.resolve(PkiComponent.AGENT_TOKEN)).trim();
        EnrollOutcome out = second.enroll(PeerRole.AGENT, "host-1", agentToken, key());
        assertTrue(out.accepted(), out.reason());
        PeerIdentity id = PeerIdentity.of(out.certificate());
        assertEquals(PeerRole.AGENT, id.role());
        assertEquals("host-1", id.id());
        out.certificate().verify(first.caCertificate().getPublicKey());
        assertFalse(Files.readString(data.resolve("pki/tokens")).contains(agentToken), "only hashes are stored");
    }

    @Test
    void refusesBadExpiredUsedUpAndWrongKindTokens() {
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        PkiComponent pki = pki(clock);
        assertEquals("ENROLL_REFUSED", pki.enroll(PeerRole.AGENT, "h", "ork_nope", key()).code());
        String once = pki.createToken(PeerRole.AGENT, Duration.ofHours(1), 1);
        assertTrue(pki.enroll(PeerRole.AGENT, "h1", once, key()).accepted());
        assertEquals("enrollment token used up", pki.enroll(PeerRole.AGENT, "h2", once, key()).reason());
        String brief = pki.createToken(PeerRole.AGENT, Duration.ofMinutes(1), 0);
        now[0] = now[0].plusSeconds(61);
        assertEquals("enrollment token expired", pki.enroll(PeerRole.AGENT, "h3", brief, key()).reason());
        String channel = pki.createToken(PeerRole.CHANNEL, Duration.ZERO, 0);
        assertEquals("ENROLL_REFUSED", pki.enroll(PeerRole.AGENT, "h4", channel, key()).code());
        assertTrue(pki.enroll(PeerRole.CHANNEL, "chan-1", channel, key()).accepted());
        assertEquals("ENROLL_REFUSED", pki.enroll(PeerRole.AGENT, "h5", pki.createToken(PeerRole.AGENT, null, 0),
                new byte[] {1, 2, 3}).code());
    }

    @Test
    void aRevokedHostCannotReEnrollUntilRestored() {
        PkiComponent pki = pki(Clock.systemUTC());
        String token = pki.createToken(PeerRole.AGENT, null, 0);
        String[] heard = new String[1];
        pki.onChange((host, revoked) -> heard[0] = host + "=" + revoked);
        assertTrue(pki.revoke("host-9"));
        assertEquals("host-9=true", heard[0]);
        assertEquals("HOST_REVOKED", pki.enroll(PeerRole.AGENT, "host-9", token, key()).code());
        assertTrue(pki(Clock.systemUTC()).isRevoked("host-9"), "revocation survives a restart");
        assertTrue(pki.restore("host-9"));
        assertNotNull(pki.enroll(PeerRole.AGENT, "host-9", token, key()).certificate());
    }
}
