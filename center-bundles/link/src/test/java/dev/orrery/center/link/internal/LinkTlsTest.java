package dev.orrery.center.link.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.center.pki.internal.TestPki;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.Role;
import dev.orrery.tls.Fingerprints;
import dev.orrery.tls.KeyPairs;
import dev.orrery.tls.Pem;
import dev.orrery.tls.PeerIdentity;
import dev.orrery.tls.PeerRole;
import dev.orrery.tls.TlsContexts;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkTlsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @TempDir
    Path data;
    private final FakeHostStore store = new FakeHostStore();
    private final ChannelRegistry gateway = new ChannelRegistry();
    private TestPki ca;
    private LinkServer server;

    @BeforeEach
    void start() {
        ca = new TestPki(data);
        server = new LinkServer(new LinkSettings("127.0.0.1", 0, 64 * 1024, 10, 2), store, null, gateway, null,
                LinkSecurity.of(ca.pki(), ca.pki(), ca.pki()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Peer as(PeerRole role, String id) {
        return new Peer(server.port(), TlsContexts.of(ca.identity(role, id), Set.of(PeerRole.CENTER)));
    }

    private static Message.Register register(String hostId) {
        return new Message.Register("", hostId, hostId, List.of("10.0.0.1"), "sn", "dc1", List.of(), "test");
    }

    @Test
    void anAgentEnrollsWithItsTokenAgainstThePinnedCa() throws Exception {
        KeyPair keys = KeyPairs.ecP256();
        try (Peer p = new Peer(server.port(), TlsContexts.enrollment(null, Fingerprints.sha256(ca.pki().caCertificate())))) {
            p.send(new Message.Enroll(Role.AGENT, "host-1", ca.agentToken(), keys.getPublic().getEncoded()));
            Message.Enrolled e = p.next(Message.Enrolled.class);
            PeerIdentity id = PeerIdentity.of(Pem.certificate(e.certificate()));
            assertEquals(PeerRole.AGENT, id.role());
            assertEquals("host-1", id.id());
            assertEquals(keys.getPublic(), id.certificate().getPublicKey());
            assertArrayEquals(ca.pki().caCertificate().getEncoded(), e.caCertificate());
        }
    }

    @Test
    void aBadTokenIsRefused() throws Exception {
        try (Peer p = new Peer(server.port(), TlsContexts.enrollment(ca.pki().caCertificate(), null))) {
            p.send(new Message.Enroll(Role.AGENT, "host-1", "ork_wrong", KeyPairs.ecP256().getPublic().getEncoded()));
            assertEquals("ENROLL_REFUSED", p.next(Message.EnrollRefused.class).code());
        }
    }

    @Test
    void aCenterWithAnotherCaIsNotTrustedByAnEnrollingAgent() {
        TestPki other = new TestPki(data.resolve("other"));
        try (Peer p = new Peer(server.port(), TlsContexts.enrollment(other.pki().caCertificate(), null))) {
            p.send(new Message.Enroll(Role.AGENT, "host-1", ca.agentToken(), KeyPairs.ecP256().getPublic().getEncoded()));
            await().atMost(WAIT).until(() -> !p.connected());
            assertTrue(p.received.isEmpty());
        }
    }

    @Test
    void anAgentRegistersOnlyAsTheHostOfItsCertificate() throws Exception {
        try (Peer p = as(PeerRole.AGENT, "host-1")) {
            p.send(register("host-1"));
            assertEquals("host-1", p.next(Message.Welcome.class).hostId());
        }
        try (Peer p = as(PeerRole.AGENT, "host-1")) {
            p.send(register("host-2"));
            await().atMost(WAIT).until(() -> !p.connected());
        }
        try (Peer p = new Peer(server.port(), TlsContexts.enrollment(ca.pki().caCertificate(), null))) {
            p.send(register("host-1"));
            await().atMost(WAIT).until(() -> !p.connected());
        }
        assertEquals(Set.of("host-1"), store.registered.keySet());
    }

    @Test
    void aCertificateFromAnotherCaCannotConnect() {
        TestPki other = new TestPki(data.resolve("other"));
        try (Peer p = new Peer(server.port(), TlsContexts.of(other.identity(PeerRole.AGENT, "host-1"), Set.of(PeerRole.CENTER)))) {
            p.send(register("host-1"));
            await().atMost(WAIT).until(() -> !p.connected());
            assertTrue(p.received.isEmpty());
        }
    }

    @Test
    void channelsLearnRevocationsAndRevokedAgentsCannotRegister() throws Exception {
        ca.pki().revoke("host-0");
        try (Peer channel = as(PeerRole.CHANNEL, "chan-1")) {
            channel.send(new Message.Hello(Role.CHANNEL, "chan-1", "dc1", "127.0.0.1:7710", "test"));
            Message.Revocations full = channel.next(Message.Revocations.class);
            assertTrue(full.full());
            assertEquals(List.of("host-0"), full.revoked());
            ca.pki().revoke("host-1");
            assertEquals(new Message.Revocations(false, List.of("host-1"), List.of()), channel.next(Message.Revocations.class));
            try (Peer p = as(PeerRole.AGENT, "host-1")) {
                p.send(register("host-1"));
                await().atMost(WAIT).until(() -> !p.connected());
            }
            try (Peer p = as(PeerRole.AGENT, "chan-2")) {
                p.send(new Message.Hello(Role.CHANNEL, "chan-2", "dc1", "127.0.0.1:7711", "test"));
                await().atMost(WAIT).until(() -> !p.connected());
            }
        }
    }
}
