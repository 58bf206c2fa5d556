package dev.orrery.agent.core.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.protocol.Message.Hello;
import dev.orrery.protocol.Message.Register;
import dev.orrery.protocol.Message.Welcome;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Setting bindAddress: every connection of the agent (registration and channel) leaves from that address. */
class BindAddressTest {
    @TempDir
    Path data;

    private AgentSettings settings(int centerPort, String bindAddress) {
        return new AgentSettings("127.0.0.1", centerPort, "", 10, 50, 200, 2, 1 << 20, "9.9.9",
                new AgentSettings.Durability(data, 24, 10_000, 200, 1_000, 2), bindAddress);
    }

    @Test
    void connectionsLeaveFromTheBindAddress() throws Exception {
        List<String> centerPeers = new CopyOnWriteArrayList<>();
        try (FakePeer channel = FakePeer.channel(0);
             FakePeer center = new FakePeer(0, (s, m) -> {
                 centerPeers.add(((InetSocketAddress) s.getRemoteAddress()).getAddress().getHostAddress());
                 return m instanceof Register r ? new Welcome(r.hostId(), List.of(channel.address()), 1) : null;
             })) {
            Agent agent = new Agent(settings(center.port(), " 127.0.0.7 "), AgentFixture.ID, new HandlerRegistry());
            agent.start();
            try {
                channel.awaitFirst(Hello.class, h -> true);
                await().atMost(Duration.ofSeconds(10)).until(() -> !channel.sessions.isEmpty());
                InetSocketAddress from = (InetSocketAddress) channel.sessions.get(0).getRemoteAddress();
                assertEquals("127.0.0.7", from.getAddress().getHostAddress());
                assertEquals(List.of("127.0.0.7"), centerPeers);
            } finally {
                agent.stop();
            }
        }
    }

    @Test
    void emptyMeansAnyAndOnlyLiteralsAreAccepted() {
        assertTrue(settings(7700, null).localAddress().isEmpty());
        assertTrue(settings(7700, "  ").localAddress().isEmpty());
        assertEquals(new InetSocketAddress("127.0.10.3", 0), settings(7700, "127.0.10.3").localAddress().orElseThrow());
        assertEquals(0, settings(7700, "::1").localAddress().orElseThrow().getPort());
        assertEquals("", new AgentSettings("h", 1, null, 1, 1, 1, 1, 65536, "v",
                AgentSettings.Durability.defaults(data)).bindAddress());
        assertThrows(IllegalArgumentException.class, () -> settings(7700, "localhost"));
        assertThrows(IllegalArgumentException.class, () -> settings(7700, "example.org"));
        assertThrows(IllegalArgumentException.class, () -> settings(7700, "127.0.0.999"));
        assertThrows(IllegalArgumentException.class, () -> settings(7700, "127.1"));
        assertThrows(IllegalArgumentException.class, () -> settings(7700, "::g"));
    }
}
