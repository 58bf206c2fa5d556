package dev.orrery.channel.relay.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.orrery.center.pki.internal.TestPki;
import dev.orrery.protocol.Message;
import dev.orrery.tls.EnrollSettings;
import dev.orrery.tls.PeerRole;
import dev.orrery.tls.TlsContexts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The channel's agent port with mutual TLS, its uplink with the channel's certificate, and revocation. */
class ChannelTlsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @TempDir
    Path dir;
    private TestPki ca;
    private FakeCenter center;
    private Channel channel;

    @BeforeEach
    void start() throws Exception {
        ca = new TestPki(dir.resolve("center"));
        center = new FakeCenter(0, TlsContexts.of(ca.identity(PeerRole.CENTER, "center"), Set.of(PeerRole.CHANNEL)));
        Path tls = dir.resolve("channel-tls");
        ca.identity(PeerRole.CHANNEL, "chan-1").save(tls);
        ChannelSettings s = new ChannelSettings("chan-1", "idc-t", "127.0.0.1", 0, "", "127.0.0.1", center.port(), 1 << 20,
                10, 1, 100, 1_000);
        channel = new Channel(s, "9.9.9", new ChannelTls(true, new EnrollSettings(tls, "", null, null, "unused")));
        channel.start();
        await().atMost(WAIT).until(() -> center.connections() == 1 && !center.received(Message.Hello.class).isEmpty());
    }

    @AfterEach
    void stop() {
        channel.stop();
        center.close();
    }

    private SSLContext agent(TestPki issuer, String hostId) {
        return TlsContexts.of(issuer.identity(PeerRole.AGENT, hostId), Set.of(PeerRole.CHANNEL));
    }

    private boolean reported(String hostId) {
        Message.Report r = center.lastReport();
        return r != null && r.hostIds().contains(hostId);
    }

    @Test
    void anAgentWithItsOwnCertificateIsRelayed() {
        try (FakeAgent a = FakeAgent.hello(channel.port(), "host-1", agent(ca, "host-1"))) {
            await().atMost(WAIT).until(() -> reported("host-1"));
            assertFalse(a.isClosed());
        }
    }

    @Test
    void aHelloForAnotherHostThanTheCertificateIsClosed() {
        try (FakeAgent a = FakeAgent.hello(channel.port(), "host-2", agent(ca, "host-1"))) {
            await().atMost(WAIT).until(a::isClosed);
        }
    }

    @Test
    void anAgentWithoutACertificateOrFromAnotherCaCannotConnect() {
        try (FakeAgent a = FakeAgent.hello(channel.port(), "host-1", TlsContexts.enrollment(ca.pki().caCertificate(), null))) {
            await().atMost(WAIT).until(a::isClosed);
        }
        try (FakeAgent a = FakeAgent.hello(channel.port(), "host-1", agent(new TestPki(dir.resolve("other")), "host-1"))) {
            await().atMost(WAIT).until(a::isClosed);
        }
        try (FakeAgent a = FakeAgent.hello(channel.port(), "host-1")) {
            await().atMost(WAIT).until(a::isClosed);
        }
    }

    @Test
    void aRevokedAgentIsDroppedAndCannotReconnect() {
        try (FakeAgent a = FakeAgent.hello(channel.port(), "host-1", agent(ca, "host-1"))) {
            await().atMost(WAIT).until(() -> reported("host-1"));
            center.send(new Message.Revocations(false, List.of("host-1"), List.of()));
            await().atMost(WAIT).until(a::isClosed);
        }
        try (FakeAgent a = FakeAgent.hello(channel.port(), "host-1", agent(ca, "host-1"))) {
            await().atMost(WAIT).until(a::isClosed);
        }
        center.send(new Message.Revocations(true, List.of(), List.of()));
        await().atMost(WAIT).until(() -> {
            try (FakeAgent a = FakeAgent.hello(channel.port(), "host-1", agent(ca, "host-1"))) {
                return reportedSoon("host-1");
            }
        });
    }

    private boolean reportedSoon(String hostId) {
        try {
            await().atMost(Duration.ofSeconds(3)).until(() -> reported(hostId));
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }
}
