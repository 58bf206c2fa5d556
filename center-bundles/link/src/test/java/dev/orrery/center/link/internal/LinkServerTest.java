package dev.orrery.center.link.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.HostTaskState;
import dev.orrery.center.link.ChannelInfo;
import dev.orrery.center.link.LinkListener;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.AckKind;
import dev.orrery.protocol.Message.Role;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LinkServerTest {
    private final FakeHostStore store = new FakeHostStore();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final ChannelRegistry gateway = new ChannelRegistry();
    private LinkServer server;
    /** Stands for the center's task-signing public key, which every welcome carries. */
    private static final byte[] TASK_KEY = {1, 2, 3, 4};

    @BeforeEach
    void start() {
        start(10);
    }

    private void start(int heartbeatSeconds) {
        server = new LinkServer(new LinkSettings("127.0.0.1", 0, 64 * 1024, heartbeatSeconds, 2), store, gateway, TASK_KEY);
        server.addListener(new LinkListener() {
            @Override
            public void onAck(String channelId, Message.Ack ack) {
                events.add("ack " + channelId + " " + ack.hostId() + " " + ack.kind());
            }

            @Override
            public void onResult(String channelId, Message.Result result) {
                events.add("result " + channelId + " " + result.hostId() + " " + result.state());
            }

            @Override
            public void onHostsOnline(String channelId, List<String> hostIds) {
                events.add("online " + channelId + " " + hostIds);
            }

            @Override
            public void onChannelLost(String channelId) {
                events.add("lost " + channelId);
            }
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Peer channel(String id, String idc, String address) {
        Peer p = new Peer(server.port());
        p.send(new Message.Hello(Role.CHANNEL, id, idc, address, "test"));
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.channel(id).isPresent());
        return p;
    }

    private void reported(Peer p, String id) {
        p.send(new Message.Report(id, List.of(), 0));
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.channel(id).orElseThrow().lastReportAt() > 0);
    }

    private Message.Welcome register(String hostId, String idc) throws Exception {
        try (Peer agent = new Peer(server.port())) {
            agent.send(new Message.Register("", hostId, hostId + ".local", List.of("10.1.1.1"), "SN-" + hostId, idc,
                    List.of("demo"), "1.0"));
            Message.Welcome w = agent.next(Message.Welcome.class);
            await().atMost(Duration.ofSeconds(5)).until(() -> !agent.connected());
            return w;
        }
    }

    @Test
    void registrationIsRecordedAndAnsweredWithTheChannelsOfTheIdc() throws Exception {
        Message.Welcome none = register("h0", "idc1");
        org.junit.jupiter.api.Assertions.assertArrayEquals(TASK_KEY, none.taskKey(), "the center's task-signing key");
        assertEquals(List.of(), none.channels(), "no channel connected yet: the agent retries");
        try (Peer a = channel("ch-a", "idc1", "10.0.0.1:7710"); Peer b = channel("ch-b", "idc2", "10.0.0.2:7710")) {
            assertEquals(List.of(), register("h0", "idc1").channels(), "a channel that has not reported is not offered");
            reported(a, "ch-a");
            reported(b, "ch-b");
            Message.Welcome w = register("h1", "idc1");
            assertEquals("h1", w.hostId());
            assertEquals(List.of("10.0.0.1:7710"), w.channels());
            assertEquals(10, w.heartbeatSeconds());
            assertEquals(List.of("10.0.0.1:7710", "10.0.0.2:7710"), register("h2", "idc9").channels().stream().sorted().toList(),
                    "an IDC without channels gets every channel");
            assertEquals("h1.local", store.registered.get("h1").hostname());
            assertEquals(List.of("demo"), store.registered.get("h1").groups());
            assertEquals("idc1", store.registered.get("h1").idc());
        }
    }

    @Test
    void channelReportsAcksResultsAndLossReachTheListeners() throws Exception {
        Peer ch = channel("ch-1", "idc1", "10.0.0.5:7710");
        ch.send(new Message.Report("ch-1", List.of("h1", "h2"), 0));
        await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("online ch-1 [h1, h2]"));
        ch.send(new Message.Report("ch-1", List.of("h1", "h2", "h3"), 2));
        await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("online ch-1 [h3]"));
        ChannelInfo info = gateway.channel("ch-1").orElseThrow();
        assertEquals(3, info.agents());
        assertEquals(2, info.running());
        assertEquals("idc1", info.idc());

        ch.send(new Message.Ack("t1", "h1", AckKind.RECEIVED));
        ch.send(new Message.Result("t1", "h1", HostTaskState.SUCCEEDED, 0, "out".getBytes(StandardCharsets.UTF_8), null,
                false, null, null, 1, 2));
        await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("result ch-1 h1 SUCCEEDED"));
        assertTrue(events.contains("ack ch-1 h1 RECEIVED"));

        assertTrue(gateway.send("ch-1", new Message.Task("t2", "h2", "cmd", Map.of("command", "id"), null, 5)));
        assertEquals("t2", ch.next(Message.Task.class).taskId());
        assertFalse(gateway.send("no-such-channel", new Message.Cancel("t2", "h2")));

        ch.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("lost ch-1"));
        assertEquals(List.of("ch-1"), store.lost);
        assertTrue(gateway.channels().isEmpty());
        assertTrue(store.onlineOn.isEmpty());
    }

    @Test
    void aReconnectingChannelReplacesItsOldSessionWithoutGoingOffline() throws Exception {
        try (Peer first = channel("ch-r", "idc1", "a:1")) {
            first.send(new Message.Report("ch-r", List.of("h1"), 0));
            await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("online ch-r [h1]"));
            try (Peer second = new Peer(server.port())) {
                second.send(new Message.Hello(Role.CHANNEL, "ch-r", "idc1", "a:1", "test"));
                await().atMost(Duration.ofSeconds(5)).until(() -> !first.connected());
                second.send(new Message.Report("ch-r", List.of("h1"), 0));
                await().atMost(Duration.ofSeconds(5)).until(() -> events.stream().filter("online ch-r [h1]"::equals).count() == 2);
                assertTrue(store.lost.isEmpty(), "the replaced session does not take the channel's hosts offline");
                assertTrue(gateway.send("ch-r", new Message.Cancel("t", "h1")));
                assertEquals("t", second.next(Message.Cancel.class).taskId());
            }
        }
    }

    @Test
    void garbageClosesOnlyThatConnection() throws Exception {
        try (Peer ch = channel("ch-g", "idc1", "a:1"); Socket raw = new Socket("127.0.0.1", server.port())) {
            OutputStream out = raw.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            raw.setSoTimeout(5000);
            InputStream in = raw.getInputStream();
            assertEquals(-1, in.read(), "the center closed the garbage connection");
            assertTrue(ch.connected());
            assertTrue(gateway.send("ch-g", new Message.Cancel("t", "h")));
            assertEquals("t", ch.next(Message.Cancel.class).taskId());
        }
    }

    @Test
    void messagesOutOfPlaceCloseTheSession() throws Exception {
        try (Peer stranger = new Peer(server.port())) {
            stranger.send(new Message.Report("ch-x", List.of("h1"), 0));
            await().atMost(Duration.ofSeconds(5)).until(() -> !stranger.connected());
        }
        try (Peer agent = new Peer(server.port())) {
            agent.send(new Message.Hello(Role.AGENT, "h1", "idc1", "", "1"));
            await().atMost(Duration.ofSeconds(5)).until(() -> !agent.connected());
        }
        assertTrue(store.onlineOn.isEmpty());
        assertTrue(gateway.channels().isEmpty());
    }

    @Test
    void idleChannelsGetHeartbeatsAndSilentOnesAreDropped() throws Exception {
        server.close();
        start(1);
        try (Peer ch = channel("ch-h", "idc1", "a:1")) {
            // heartbeatSeconds = 1: the center writes a heartbeat after 1 s without writing ...
            Message m = ch.received.poll(5, TimeUnit.SECONDS);
            assertTrue(m instanceof Message.Heartbeat, "got " + m);
            // ... and drops a channel that sent nothing for 3 s.
            await().atMost(Duration.ofSeconds(8)).until(() -> !ch.connected());
            await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("lost ch-h"));
        }
    }

    @Test
    void refusesBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new LinkSettings("", 1, 2048, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new LinkSettings("h", 70000, 2048, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new LinkSettings("h", 1, 10, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new LinkSettings("h", 1, 2048, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new LinkSettings("h", 1, 2048, 1, 0));
        LinkSettings ok = new LinkSettings("h", 1, 2048, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> ok.withBalancing(0, 5, 10, 15));
        assertThrows(IllegalArgumentException.class, () -> ok.withBalancing(30, -1, 10, 15));
        assertThrows(IllegalArgumentException.class, () -> ok.withBalancing(30, 5, 0, 15));
        assertThrows(IllegalArgumentException.class, () -> ok.withBalancing(30, 5, 101, 15));
        assertThrows(IllegalArgumentException.class, () -> ok.withBalancing(30, 5, 10, 0));
    }
}
