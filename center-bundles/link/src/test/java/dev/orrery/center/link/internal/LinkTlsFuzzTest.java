package dev.orrery.center.link.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.orrery.center.pki.internal.TestPki;
import dev.orrery.protocol.Frames;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.Role;
import dev.orrery.protocol.WireFuzz;
import dev.orrery.tls.PeerRole;
import dev.orrery.tls.TlsContexts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With TLS on, the handshake is the first parser of the center's link port: random bytes, plain
 * Orrery frames and oversized TLS records are closed by the server, and a channel with its
 * certificate is still served afterwards. Seeded ({@code -Dorrery.fuzz.seed=}).
 */
class LinkTlsFuzzTest {
    private static final long SEED = Long.getLong("orrery.fuzz.seed", 20261127L);
    /**
     * Longer than any record the JDK waits for (it accepts "large" records of up to 33,305 bytes),
     * so every case ends in a complete bad record instead of a wait for more bytes.
     */
    private static final int TAIL = 40_000;

    @TempDir
    Path data;
    private final FakeHostStore store = new FakeHostStore();
    private final ChannelRegistry gateway = new ChannelRegistry();
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler previous;
    private TestPki ca;
    private LinkServer server;

    @BeforeEach
    void start() {
        previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        ca = new TestPki(data);
        server = new LinkServer(new LinkSettings("127.0.0.1", 0, 64 * 1024, 10, 2), store, null, gateway, null,
                LinkSecurity.of(ca.pki(), ca.pki(), ca.pki()));
    }

    @AfterEach
    void stop() {
        server.close();
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }

    @Test
    void bytesThatAreNotTlsAreClosedAndServiceGoesOn() throws Exception {
        Random random = new Random(SEED);
        for (int i = 0; i < 150; i++) {
            byte[] head = new byte[1 + random.nextInt(2000)];
            random.nextBytes(head);
            byte[] tail = new byte[TAIL];
            if (random.nextBoolean()) {
                random.nextBytes(tail);
            }
            byte[] bytes = Arrays.copyOf(head, head.length + TAIL);
            System.arraycopy(tail, 0, bytes, head.length, TAIL);
            assertNull(WireFuzz.closedByServer(WireFuzz::plain, server.port(), new WireFuzz.Case("random " + head.length, bytes), 5000),
                    "seed " + SEED + ", case " + i);
        }
        byte[] frame = Frames.encode(new Message.Hello(Role.CHANNEL, "ch-plain", "idc1", "10.0.0.1:7710", "t"));
        assertNull(WireFuzz.closedByServer(WireFuzz::plain, server.port(), new WireFuzz.Case("a plain frame", frame, true), 5000));
        // a handshake record announcing 65535 bytes: over TLS's record limit
        byte[] huge = {22, 3, 3, (byte) 0xff, (byte) 0xff, 1, 0, 0};
        assertNull(WireFuzz.closedByServer(WireFuzz::plain, server.port(), new WireFuzz.Case("oversized record", huge), 5000));

        try (Peer channel = new Peer(server.port(), TlsContexts.of(ca.identity(PeerRole.CHANNEL, "ch-good"), Set.of(PeerRole.CENTER)))) {
            channel.send(new Message.Hello(Role.CHANNEL, "ch-good", "idc1", "10.0.0.2:7710", "test"));
            await().atMost(Duration.ofSeconds(10)).until(() -> gateway.channel("ch-good").isPresent());
        }
        assertEquals(List.of(), uncaught, "threads died");
    }
}
