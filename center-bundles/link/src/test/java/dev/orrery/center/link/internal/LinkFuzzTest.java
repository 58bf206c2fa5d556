package dev.orrery.center.link.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.HostTaskState;
import dev.orrery.protocol.Frames;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.Role;
import dev.orrery.protocol.WireFuzz;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the center's link port through the real {@link LinkServer} (plain codec path, port 0):
 * random bytes, valid frames with mutated headers, lengths and payloads, truncated and extended
 * frames, and valid frames in the wrong order. Each hostile connection is closed by the server;
 * afterwards an agent still registers and a channel still connects and reports; no thread died;
 * a 2 GiB length prefix allocates nothing. Seeded ({@code -Dorrery.fuzz.seed=}).
 */
class LinkFuzzTest {
    private static final long SEED = Long.getLong("orrery.fuzz.seed", 20261127L);
    private static final int MAX_FRAME = 64 * 1024;

    private final FakeHostStore store = new FakeHostStore();
    private final ChannelRegistry gateway = new ChannelRegistry();
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler previous;
    private LinkServer server;

    @BeforeEach
    void start() {
        previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        server = new LinkServer(new LinkSettings("127.0.0.1", 0, MAX_FRAME, 10, 2), store, gateway);
    }

    @AfterEach
    void stop() {
        server.close();
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }

    /** The one place that opens a client connection (TLS would wrap the socket here). */
    private static Socket connect(int port) {
        return WireFuzz.plain(port);
    }

    @Test
    void hostileConnectionsAreClosedAndServiceGoesOn() throws Exception {
        Message register = new Message.Register("", "h-ok", "ok.local", List.of("10.0.0.9"), "SN", "idc1", List.of("g"), "1.0");
        Message hello = new Message.Hello(Role.CHANNEL, "ch-fuzz", "idc1", "10.0.0.1:7710", "test");
        Message result = new Message.Result("t", "h", HostTaskState.SUCCEEDED, 0, new byte[3], null, false, null, null, 1, 2);
        WireFuzz fuzz = new WireFuzz(new Random(SEED), MAX_FRAME, List.of(register, hello),
                List.of(new Message.Report("ch-x", List.of("h1"), 0), new Message.Ack("t", "h", Message.AckKind.RECEIVED),
                        result, new Message.Hello(Role.AGENT, "a", "idc1", "", "x"), new Message.Cancel("t", "h"),
                        new Message.Redirect(List.of("x:1"), "r"), new Message.Shed(1, List.of("h"), List.of("x:1"), "r")),
                List.of(new Message.Cancel("t", "h"), new Message.Redirect(List.of("x:1"), "r"), register,
                        new Message.Shed(1, List.of("h"), List.of("x:1"), "r")));
        for (int i = 0; i < 300; i++) {
            WireFuzz.Case c = fuzz.next();
            assertNull(WireFuzz.closedByServer(LinkFuzzTest::connect, server.port(), c, 5000), "seed " + SEED + ", case " + i + ": " + c.name());
        }
        assertServiceGoesOn();
    }

    @Test
    void aHugeLengthPrefixAllocatesNothing() throws Exception {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long before = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        byte[] frame = Frames.encode(new Message.Hello(Role.CHANNEL, "ch", "idc1", "10.0.0.1:7710", "t"));
        for (int announced : new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE - 8, 1 << 30, MAX_FRAME + 1}) {
            byte[] b = frame.clone();
            ByteBuffer.wrap(b, 4, 4).putInt(announced);
            for (int i = 0; i < 10; i++) {
                assertNull(WireFuzz.closedByServer(LinkFuzzTest::connect, server.port(), new WireFuzz.Case("announced " + announced, b), 5000));
            }
        }
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        assertTrue(peak - before < 256L * 1024 * 1024, "heap peak grew by " + (peak - before) / (1024 * 1024) + " MiB");
        assertServiceGoesOn();
    }

    @Test
    void aFrameThatNeverCompletesIsClosedOnceSilent() throws Exception {
        server.close();
        // heartbeat 1 s: a session silent for three heartbeats is closed
        server = new LinkServer(new LinkSettings("127.0.0.1", 0, MAX_FRAME, 1, 2), store, gateway);
        byte[] frame = Frames.encode(new Message.Register("", "h", "h", List.of(), "", "idc1", List.of(), "1"));
        for (int cut : new int[] {1, 6, 12}) {
            assertNull(WireFuzz.closedByServer(LinkFuzzTest::connect, server.port(),
                    new WireFuzz.Case("cut at " + cut + ", then silence", java.util.Arrays.copyOf(frame, cut)), 8000));
        }
        assertServiceGoesOn();
    }

    private void assertServiceGoesOn() throws Exception {
        try (Peer channel = new Peer(server.port())) {
            channel.send(new Message.Hello(Role.CHANNEL, "ch-good", "idc1", "10.0.0.2:7710", "test"));
            await().atMost(Duration.ofSeconds(5)).until(() -> gateway.channel("ch-good").isPresent());
            channel.send(new Message.Report("ch-good", List.of("h-good"), 0));
            await().atMost(Duration.ofSeconds(5)).until(() -> gateway.channel("ch-good").orElseThrow().lastReportAt() > 0);
            try (Peer agent = new Peer(server.port())) {
                agent.send(new Message.Register("", "h-good", "good.local", List.of("10.1.1.1"), "SN-good", "idc1", List.of(), "1.0"));
                Message.Welcome w = agent.next(Message.Welcome.class);
                assertEquals("h-good", w.hostId());
                assertEquals(List.of("10.0.0.2:7710"), w.channels());
            }
        }
        assertEquals(List.of(), uncaught, "threads died");
    }
}
