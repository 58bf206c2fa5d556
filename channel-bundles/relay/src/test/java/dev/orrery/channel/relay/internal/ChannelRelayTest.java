package dev.orrery.channel.relay.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.HostTaskState;
import dev.orrery.protocol.Message.Ack;
import dev.orrery.protocol.Message.AckKind;
import dev.orrery.protocol.Message.Cancel;
import dev.orrery.protocol.Message.Heartbeat;
import dev.orrery.protocol.Message.Hello;
import dev.orrery.protocol.Message.Result;
import dev.orrery.protocol.Message.Role;
import dev.orrery.protocol.Message.Task;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The channel's agent side and relaying: routing, refusals, replacement, heartbeats. */
class ChannelRelayTest extends ChannelTestSupport {

    @Test
    void taskAndCancelReachOnlyTheirAgent() throws IOException {
        startChannel();
        FakeAgent a = agent("host-a");
        FakeAgent b = agent("host-b");
        awaitReport("host-a", "host-b");
        byte[] body = "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8);
        center.send(new Task("t-1", "host-b", "cmd", Map.of("command", "hostname"), body, 30));
        center.send(new Cancel("t-1", "host-b"));
        await().until(() -> b.received(Cancel.class).size() == 1);
        Task got = b.received(Task.class).get(0);
        assertEquals("t-1", got.taskId());
        assertEquals("host-b", got.hostId());
        assertEquals(Map.of("command", "hostname"), got.params());
        assertArrayEquals(body, got.body());
        assertEquals(30, got.timeoutSeconds());
        assertEquals(new Cancel("t-1", "host-b"), b.received(Cancel.class).get(0));
        assertTrue(a.received(Task.class).isEmpty() && a.received(Cancel.class).isEmpty());
    }

    @Test
    void acksAndResultsGoUpAndStoredGoesDown() throws IOException {
        startChannel(10, 1);
        FakeAgent a = agent("host-a");
        awaitReport("host-a");
        center.send(new Task("t-1", "host-a", "cmd", Map.of(), null, 5));
        await().until(() -> a.received(Task.class).size() == 1);
        await().until(() -> center.lastReport().running() == 1);
        a.send(new Ack("t-1", "host-a", AckKind.RECEIVED));
        Result result = new Result("t-1", "host-a", HostTaskState.SUCCEEDED, 0, "out".getBytes(StandardCharsets.UTF_8),
                new byte[] {1, 2}, true, null, null, 10, 20);
        a.send(result);
        await().until(() -> center.received(Result.class).size() == 1);
        assertEquals(List.of(new Ack("t-1", "host-a", AckKind.RECEIVED)), center.received(Ack.class));
        Result up = center.received(Result.class).get(0);
        assertEquals(result.state(), up.state());
        assertArrayEquals(result.stdout(), up.stdout());
        assertArrayEquals(result.stderr(), up.stderr());
        assertEquals(List.of(true, 10L, 20L), List.of(up.truncated(), up.startedAt(), up.finishedAt()));
        await().until(() -> center.lastReport().running() == 0);

        center.send(new Ack("t-1", "host-a", AckKind.STORED));
        await().until(() -> a.received(Ack.class).contains(new Ack("t-1", "host-a", AckKind.STORED)));
    }

    @Test
    void taskForAnUnknownHostIsUndeliverable() throws IOException {
        startChannel();
        agent("host-a");
        awaitReport("host-a");
        center.send(new Task("t-9", "host-zzz", "cmd", Map.of(), null, 5));
        center.send(new Cancel("t-8", "host-yyy"));
        await().until(() -> center.received(Ack.class).size() == 2);
        assertEquals(List.of(new Ack("t-9", "host-zzz", AckKind.UNDELIVERABLE), new Ack("t-8", "host-yyy", AckKind.UNDELIVERABLE)),
                center.received(Ack.class));
    }

    @Test
    void garbageOnTheAgentPortClosesOnlyThatSession() throws IOException {
        startChannel();
        FakeAgent good = agent("host-good");
        awaitReport("host-good");
        try (Socket bad = new Socket("127.0.0.1", channel.port())) {
            bad.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertClosedByPeer(bad);
        }
        center.send(new Task("t-1", "host-good", "cmd", Map.of(), null, 5));
        await().until(() -> good.received(Task.class).size() == 1);
        assertTrue(!good.isClosed());
        assertEquals(List.of("host-good"), center.lastReport().hostIds());
    }

    @Test
    void anythingButAnAgentHelloFirstIsRefused() throws IOException {
        startChannel();
        FakeAgent heartbeatFirst = FakeAgent.silent(channel.port());
        agents.add(heartbeatFirst);
        heartbeatFirst.send(new Heartbeat(1));
        FakeAgent channelHello = FakeAgent.silent(channel.port());
        agents.add(channelHello);
        channelHello.send(new Hello(Role.CHANNEL, "other-channel", "idc", "1.2.3.4:7710", "1"));
        await().until(() -> heartbeatFirst.isClosed() && channelHello.isClosed());
        FakeAgent twice = agent("host-twice");
        awaitReport("host-twice");
        twice.send(new Hello(Role.AGENT, "host-twice", "idc", "", "1"));
        await().until(twice::isClosed);
        awaitReport();
    }

    @Test
    void aNewerSessionReplacesTheOlderOne() throws IOException {
        startChannel();
        FakeAgent old = agent("host-a");
        awaitReport("host-a");
        FakeAgent newer = agent("host-a");
        await().until(old::isClosed);
        center.send(new Task("t-1", "host-a", "cmd", Map.of(), null, 5));
        await().until(() -> newer.received(Task.class).size() == 1);
        assertEquals(List.of("host-a"), center.lastReport().hostIds());
        assertTrue(!newer.isClosed());
    }

    @Test
    void heartbeatsAreAnsweredAndSilentAgentsDropped() throws IOException {
        startChannel(1, 10);
        FakeAgent talker = agent("host-talker");
        FakeAgent silent = agent("host-silent");
        awaitReport("host-silent", "host-talker");
        long start = System.nanoTime();
        // keep one agent alive with heartbeats; the other says nothing and goes after about 3 s
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            talker.send(new Heartbeat(System.currentTimeMillis()));
            return silent.isClosed();
        });
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(2_500).toNanos(), "not dropped before 3 heartbeats");
        awaitReport("host-talker");
        assertTrue(!talker.isClosed());
        assertTrue(!talker.received(Heartbeat.class).isEmpty());
        assertTrue(!center.received(Heartbeat.class).isEmpty(), "the channel sends heartbeats to the center");
    }
}
