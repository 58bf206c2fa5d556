package dev.orrery.channel.relay.internal;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** Runs a real {@link Channel} between a fake center and fake agents, over real sockets. */
abstract class ChannelTestSupport {
    FakeCenter center;
    Channel channel;
    final List<AutoCloseable> agents = new ArrayList<>();

    @BeforeAll
    static void awaitility() {
        Awaitility.setDefaultTimeout(Duration.ofSeconds(10));
        Awaitility.setDefaultPollInterval(Duration.ofMillis(20));
    }

    @BeforeEach
    void startCenter() throws IOException {
        center = new FakeCenter();
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable a : agents) {
            a.close();
        }
        if (channel != null) {
            channel.stop();
        }
        center.close();
    }

    Channel startChannel(int heartbeatSeconds, int reportIntervalSeconds) throws IOException {
        return startChannel(settings(heartbeatSeconds, reportIntervalSeconds));
    }

    ChannelSettings settings(int heartbeatSeconds, int reportIntervalSeconds) {
        return new ChannelSettings("chan-test", "idc-t", "127.0.0.1", 0, "", "127.0.0.1", center.port(), 1 << 20,
                heartbeatSeconds, reportIntervalSeconds, 20, 200);
    }

    Channel startChannel(ChannelSettings settings) throws IOException {
        channel = new Channel(settings, "9.9.9");
        channel.start();
        return channel;
    }

    Channel startChannel() throws IOException {
        return startChannel(10, 10);
    }

    FakeAgent agent(String hostId) {
        FakeAgent a = FakeAgent.hello(channel.port(), hostId);
        agents.add(a);
        return a;
    }

    void awaitReport(String... hostIds) {
        await().until(() -> center.lastReport() != null && center.lastReport().hostIds().equals(List.of(hostIds)));
    }

    /** Reads until the channel closes the connection (EOF or reset); a read timeout fails the test. */
    static void assertClosedByPeer(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        try {
            while (socket.getInputStream().read() != -1) {
                // nothing is expected, but drain whatever comes
            }
        } catch (SocketException reset) {
            // closed with unread bytes: a reset is a close too
        }
    }
}
