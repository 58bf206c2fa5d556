package dev.orrery.channel.relay.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.HostTaskState;
import dev.orrery.protocol.Frames;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.Role;
import dev.orrery.protocol.Message.Task;
import dev.orrery.protocol.WireFuzz;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the channel's agent port through the real {@link Channel} (plain codec path, port 0,
 * a fake center): random bytes, valid frames with mutated headers, lengths and payloads,
 * truncated and extended frames, and valid frames in the wrong order. Each hostile connection is
 * closed by the channel; an agent connected before the storm is still served, a new one still
 * connects; no thread died; a 2 GiB length prefix allocates nothing. Seeded
 * ({@code -Dorrery.fuzz.seed=}).
 */
class AgentPortFuzzTest extends ChannelTestSupport {
    private static final long SEED = Long.getLong("orrery.fuzz.seed", 20261127L);
    private static final int MAX_FRAME = 1 << 20;

    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler previous;

    @BeforeEach
    void watchThreads() {
        previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
    }

    @AfterEach
    void restoreThreads() {
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }

    /** The one place that opens a client connection (TLS would wrap the socket here). */
    private static Socket connect(int port) {
        return WireFuzz.plain(port);
    }

    @Test
    void hostileConnectionsAreClosedAndServiceGoesOn() throws Exception {
        startChannel();
        FakeAgent before = agent("host-before");
        awaitReport("host-before");
        Message hello = new Message.Hello(Role.AGENT, "host-fuzz", "idc-t", "", "test");
        Message result = new Message.Result("t", "h", HostTaskState.SUCCEEDED, 0, new byte[3], null, false, null, null, 1, 2);
        Message register = new Message.Register("", "h", "h.local", List.of("10.0.0.9"), "SN", "idc-t", List.of(), "1.0");
        WireFuzz fuzz = new WireFuzz(new Random(SEED), MAX_FRAME, List.of(hello),
                List.of(register, new Message.Report("ch", List.of("h"), 0), new Message.Ack("t", "h", Message.AckKind.RECEIVED), result,
                        new Message.Heartbeat(1), new Message.Hello(Role.CHANNEL, "ch", "idc-t", "x:1", "t"), new Message.Cancel("t", "h")),
                List.of(register, new Message.Report("ch", List.of("h"), 0), hello, new Message.Cancel("t", "h"),
                        new Message.Redirect(List.of("x:1"), "r"), new Message.Shed(1, List.of("h"), List.of("x:1"), "r")));
        for (int i = 0; i < 300; i++) {
            WireFuzz.Case c = fuzz.next();
            assertNull(WireFuzz.closedByServer(AgentPortFuzzTest::connect, channel.port(), c, 5000), "seed " + SEED + ", case " + i + ": " + c.name());
        }
        assertServiceGoesOn(before);
    }

    @Test
    void aHugeLengthPrefixAllocatesNothing() throws Exception {
        startChannel();
        FakeAgent before = agent("host-before");
        awaitReport("host-before");
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        byte[] frame = Frames.encode(new Message.Hello(Role.AGENT, "h", "idc-t", "", "t"));
        for (int announced : new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE - 8, 1 << 30, MAX_FRAME + 1}) {
            byte[] b = frame.clone();
            ByteBuffer.wrap(b, 4, 4).putInt(announced);
            for (int i = 0; i < 10; i++) {
                assertNull(WireFuzz.closedByServer(AgentPortFuzzTest::connect, channel.port(), new WireFuzz.Case("announced " + announced, b), 5000));
            }
        }
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        assertTrue(peak - start < 256L * 1024 * 1024, "heap peak grew by " + (peak - start) / (1024 * 1024) + " MiB");
        assertServiceGoesOn(before);
    }

    private void assertServiceGoesOn(FakeAgent before) {
        center.send(new Task("t-1", "host-before", "cmd", Map.of(), null, 5));
        await().until(() -> before.received(Task.class).size() == 1);
        assertFalse(before.isClosed());
        // a new agent is admitted (the fuzzing may have used up the admission burst: it refills)
        await().until(() -> {
            FakeAgent after = FakeAgent.hello(channel.port(), "host-after");
            agents.add(after);
            await().atMost(java.time.Duration.ofSeconds(2)).until(() -> after.isClosed() || channel.agentCount() == 2);
            return !after.isClosed() && channel.agentCount() == 2;
        });
        assertEquals(List.of(), uncaught, "threads died");
    }
}
