package dev.orrery.center.link.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.protocol.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A registration flood beyond the bounded queue is refused at once instead of piling up. */
class RegistrationQueueTest {

    @Test
    void registrationsOverTheQueueAreClosedAtOnce() throws Exception {
        FakeHostStore store = new FakeHostStore();
        store.gate = new CountDownLatch(1);
        // one worker, a queue of two: the first registration runs (stuck in the slow store), two wait.
        // The first is sent alone and seen in the store before the others, or the worker might take
        // several in one batch (group commit) and leave room in the queue.
        LinkSettings s = new LinkSettings("127.0.0.1", 0, 1 << 20, 10, 1, 2, 30, 0, 10, 15);
        LinkServer server = new LinkServer(s, store, new ChannelRegistry());
        List<Peer> agents = new ArrayList<>();
        try {
            agents.add(register(server, "h0"));
            await().atMost(Duration.ofSeconds(5)).until(() -> store.entered.get() == 1);
            for (int i = 1; i < 4; i++) {
                agents.add(register(server, "h" + i));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> agents.stream().filter(a -> !a.connected()).count() == 1);
            Peer refused = agents.stream().filter(a -> !a.connected()).findFirst().orElseThrow();
            assertTrue(refused.received.isEmpty(), "closed without a welcome");
            store.gate.countDown();
            for (Peer a : agents) {
                if (a != refused) {
                    assertEquals(List.of(), a.next(Message.Welcome.class).channels(), "queued registrations are served");
                }
            }
        } finally {
            store.gate.countDown();
            agents.forEach(Peer::close);
            server.close();
        }
    }

    private static Peer register(LinkServer server, String hostId) {
        Peer p = new Peer(server.port());
        p.send(new Message.Register("", hostId, hostId, List.of(), "", "x", List.of(), "1"));
        return p;
    }
}
