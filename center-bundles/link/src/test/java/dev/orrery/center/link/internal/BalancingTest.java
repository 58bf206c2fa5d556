package dev.orrery.center.link.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registration to healthy channels, balancing and giving back, through a real link server and real sockets. */
class BalancingTest {
    private final FakeHostStore store = new FakeHostStore();
    private final ChannelRegistry registry = new ChannelRegistry();
    private final List<Peer> peers = new ArrayList<>();
    private LinkServer server;

    @BeforeEach
    void start() {
        // stale after 2 s, a round every second, 10 % tolerance, 3 s of settling after a shed
        server = new LinkServer(new LinkSettings("127.0.0.1", 0, 1 << 20, 10, 2).withBalancing(2, 1, 10, 3), store, registry);
    }

    @AfterEach
    void stop() {
        peers.forEach(Peer::close);
        server.close();
    }

    private Peer channel(String id, String idc, List<String> hosts) {
        Peer p = new Peer(server.port());
        peers.add(p);
        p.send(new Message.Hello(Role.CHANNEL, id, idc, id + ":7710", "test"));
        p.send(new Message.Report(id, hosts, 0));
        await().atMost(Duration.ofSeconds(5)).until(() -> registry.channel(id).map(c -> c.lastReportAt() > 0).orElse(false));
        return p;
    }

    private List<String> register(String hostId, String idc) throws Exception {
        try (Peer agent = new Peer(server.port())) {
            agent.send(new Message.Register("", hostId, hostId, List.of(), "", idc, List.of(), "1"));
            return agent.next(Message.Welcome.class).channels();
        }
    }

    private static List<String> hosts(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void agentsAreOfferedOnlyHealthyChannelsLeastLoadedFirst() throws Exception {
        Peer a = channel("a", "x", hosts("a", 30));
        channel("b", "x", hosts("b", 10));
        channel("c", "y", List.of());
        assertEquals(List.of("b:7710", "a:7710"), register("h1", "x"));
        assertEquals(List.of("c:7710"), register("h2", "y"));
        assertEquals(List.of("c:7710", "b:7710", "a:7710"), register("h3", "nowhere"), "an idc without channels borrows");
        // a keeps reporting, b and c fall silent: after 2 s only a is healthy
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2_500);
        while (System.nanoTime() < until) {
            a.send(new Message.Report("a", hosts("a", 30), 0));
            a.received.poll(300, TimeUnit.MILLISECONDS);
        }
        assertEquals(List.of("a:7710"), register("h4", "x"));
        assertEquals(List.of("a:7710"), register("h5", "y"), "y lost its only healthy channel and borrows a");
    }

    @Test
    void anOverloadedChannelIsAskedToShedTowardsTheEmptyOneOnceThenLeftToSettle() throws Exception {
        Peer a = channel("a", "x", hosts("a", 200));
        Peer b = channel("b", "x", List.of());
        Message.Shed shed = a.next(Message.Shed.class);
        assertEquals(100, shed.count());
        assertEquals(List.of(), shed.hostIds());
        assertEquals(List.of("b:7710"), shed.targets().stream().distinct().toList());
        assertTrue(shed.reason().contains("balancing idc x"), shed.reason());
        // within the cooldown no new decision, even though the reports have not changed yet
        a.send(new Message.Report("a", hosts("a", 200), 0));
        b.send(new Message.Report("b", List.of(), 0));
        assertNull(pollShed(a, 1_500), "the cluster is settling");
        // balanced now (105/95 is within 10 % of 100): with fresh reports past the cooldown, nothing more is asked
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(4_500);
        while (System.nanoTime() < until) {
            a.send(new Message.Report("a", hosts("a", 105), 0));
            b.send(new Message.Report("b", hosts("b", 95), 0));
            assertNull(pollShed(a, 400), "a balanced cluster is left alone");
            assertNull(pollShed(b, 50));
        }
        // and the planner is still live: the same healthy channels out of balance are asked again
        a.send(new Message.Report("a", hosts("a", 150), 0));
        b.send(new Message.Report("b", hosts("b", 50), 0));
        assertEquals(50, a.next(Message.Shed.class).count());
    }

    @Test
    void borrowedAgentsAreGivenBackWhenTheirIdcRecovers() throws Exception {
        for (String h : List.of("y1", "y2", "y3")) {
            assertEquals(List.of(), register(h, "y"), "nothing is healthy yet");
        }
        Peer lender = channel("a", "x", List.of("x1", "y1", "y2", "y3"));
        assertNull(pollShed(lender, 1_500), "while y has no healthy channel its agents stay");
        channel("c", "y", List.of());
        Message.Shed shed = lender.next(Message.Shed.class);
        assertEquals(List.of("y1", "y2", "y3"), shed.hostIds());
        assertEquals(List.of("c:7710"), shed.targets());
    }

    private static Message.Shed pollShed(Peer p, long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            Message m = p.received.poll(50, TimeUnit.MILLISECONDS);
            if (m instanceof Message.Shed s) {
                return s;
            }
        }
        return null;
    }
}
