package dev.orrery.channel.relay.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.Hello;
import dev.orrery.protocol.Message.Report;
import dev.orrery.protocol.Message.Role;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The channel's side of the center link: Hello, reports, reconnection. */
class ChannelUplinkTest extends ChannelTestSupport {

    @Test
    void saysHelloThenReportsWhenItConnects() throws IOException {
        startChannel();
        await().until(() -> center.received().size() >= 2);
        Message first = center.received().get(0);
        assertEquals(new Hello(Role.CHANNEL, "chan-test", "idc-t", "127.0.0.1:" + channel.port(), "9.9.9"), first);
        assertEquals(new Report("chan-test", List.of(), 0), center.received().get(1));
        assertTrue(channel.connectedToCenter());
    }

    @Test
    void agentsComingAndGoingAreReported() throws IOException {
        startChannel();
        awaitReport();
        FakeAgent b = agent("host-b");
        awaitReport("host-b");
        agent("host-a");
        awaitReport("host-a", "host-b");
        b.close();
        awaitReport("host-a");
    }

    @Test
    void uplinkReconnectsAfterTheCenterRestarts() throws IOException {
        startChannel();
        agent("host-a");
        awaitReport("host-a");
        center.stop();
        await().until(() -> !channel.connectedToCenter());
        center.clear();
        center.start();
        await().until(() -> center.received().size() >= 2);
        assertInstanceOf(Hello.class, center.received().get(0));
        assertEquals(new Report("chan-test", List.of("host-a"), 0), center.received().get(1));
        assertTrue(channel.connectedToCenter());
    }

    @Test
    void uplinkConnectsOnceTheCenterComesUp() throws IOException {
        center.stop();
        startChannel();
        agent("host-a");
        await().during(Duration.ofMillis(300)).until(() -> !channel.connectedToCenter());
        center.start();
        await().until(() -> center.received().size() >= 2);
        assertInstanceOf(Hello.class, center.received().get(0));
        awaitReport("host-a");
    }
}
