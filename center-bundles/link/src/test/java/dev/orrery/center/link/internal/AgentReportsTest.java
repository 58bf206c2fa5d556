package dev.orrery.center.link.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.DataRecord;
import dev.orrery.protocol.Message.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Status reports and data records from a channel, on real MINA sockets. */
class AgentReportsTest {
    private final FakeHostStore hosts = new FakeHostStore();
    private final FakeDataStore data = new FakeDataStore();
    private final ChannelRegistry registry = new ChannelRegistry();
    private final LinkServer server = new LinkServer(new LinkSettings("127.0.0.1", 0, 1 << 20, 10, 2), hosts, data, registry,
            TaskKeyHolder.fixed(new byte[] {1}), null);

    @AfterEach
    void stop() {
        server.close();
    }

    private Peer channel(String id) {
        Peer p = new Peer(server.port());
        p.send(new Message.Hello(Role.CHANNEL, id, "idc1", "a:1", "test"));
        await().atMost(Duration.ofSeconds(5)).until(() -> registry.channel(id).isPresent());
        return p;
    }

    private static Message.Records records(String hostId, long from, int n, long dropped) {
        List<DataRecord> list = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new DataRecord(from + i, "topic", 1000 + i, ("line " + (from + i)).getBytes(StandardCharsets.UTF_8)));
        }
        return new Message.Records(hostId, list, dropped);
    }

    @Test
    void statusSectionsAreKeptPerHostInOrder() {
        try (Peer ch = channel("ch-1")) {
            ch.send(new Message.Status("h1", Map.of("hostinfo", "{\"a\":1}", "agent", "{}")));
            ch.send(new Message.Status("h2", Map.of("agent", "{\"v\":2}")));
            for (int i = 0; i < 50; i++) {
                ch.send(new Message.Status("h1", Map.of("hostinfo", "{\"a\":" + i + "}")));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> "{\"a\":49}".equals(hosts.status.getOrDefault("h1", Map.of()).get("hostinfo")));
            assertEquals("{}", hosts.status.get("h1").get("agent"), "a report replaces only its own sections");
            await().atMost(Duration.ofSeconds(5)).until(() -> hosts.status.containsKey("h2"));
            assertTrue(hosts.statusWrites.stream().mapToInt(Integer::intValue).sum() <= 52, "merged per host within a batch");
        }
    }

    @Test
    void recordsAreStoredOnceAndAckedOnTheirChannel() throws Exception {
        try (Peer ch = channel("ch-2")) {
            ch.send(records("h1", 1, 3, 0));
            assertEquals(new Message.RecordsAck("h1", 3), ch.next(Message.RecordsAck.class));
            ch.send(records("h1", 2, 4, 7)); // 2 and 3 again: stored once
            assertEquals(new Message.RecordsAck("h1", 5), ch.next(Message.RecordsAck.class));
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), data.entries.stream().map(e -> e.seq()).toList());
            assertEquals("line 4", data.entries.get(3).data());
            assertEquals("h1", data.entries.get(3).hostId());
            assertEquals(7, data.dropped("h1"));
        }
    }

    @Test
    void recordsTheStoreCannotTakeAreNotAcked() throws Exception {
        try (Peer ch = channel("ch-3")) {
            data.failing = true;
            ch.send(records("h1", 1, 2, 0));
            Message m = ch.received.poll(1, TimeUnit.SECONDS);
            assertTrue(m == null || m instanceof Message.Heartbeat, "no ack while the store fails: " + m);
            data.failing = false;
            ch.send(records("h1", 1, 2, 0));
            assertEquals(new Message.RecordsAck("h1", 2), ch.next(Message.RecordsAck.class));
            assertTrue(ch.connected());
        }
    }
}
