package dev.orrery.protocol;

import static dev.orrery.protocol.Bytes.concat;
import static dev.orrery.protocol.Bytes.frame;
import static dev.orrery.protocol.Bytes.header;
import static dev.orrery.protocol.Bytes.of;
import static dev.orrery.protocol.Bytes.payload;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.apache.mina.core.future.ConnectFuture;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.apache.mina.transport.socket.nio.NioSocketConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real MINA acceptor with {@link OrreryProtocol#install}: a misbehaving peer is disconnected by
 * the server while a well-behaved peer on the same acceptor keeps round-tripping messages.
 */
class ProtocolServerTest {
    private static final int MAX = 1024;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private NioSocketAcceptor acceptor;
    private NioSocketConnector connector;
    private final Map<Long, Queue<Message>> receivedBySession = new ConcurrentHashMap<>();
    private final Queue<Message> echoes = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void startServer() throws IOException {
        acceptor = new NioSocketAcceptor(1);
        OrreryProtocol.install(acceptor.getFilterChain(), MAX);
        acceptor.setHandler(new IoHandlerAdapter() {
            @Override
            public void messageReceived(IoSession session, Object message) {
                receivedBySession.computeIfAbsent(session.getId(), id -> new ConcurrentLinkedQueue<>()).add((Message) message);
                session.write(message); // echo
            }

            @Override
            public void exceptionCaught(IoSession session, Throwable cause) {
                // the guard has already closed the session on a protocol violation
            }
        });
        acceptor.bind(new InetSocketAddress("127.0.0.1", 0));

        connector = new NioSocketConnector(1);
        OrreryProtocol.install(connector.getFilterChain(), MAX);
        connector.setHandler(new IoHandlerAdapter() {
            @Override
            public void messageReceived(IoSession session, Object message) {
                echoes.add((Message) message);
            }
        });
    }

    @AfterEach
    void stopServer() {
        connector.getManagedSessions().values().forEach(s -> s.closeNow().awaitUninterruptibly(WAIT.toMillis()));
        connector.dispose(true);
        acceptor.unbind();
        acceptor.dispose(true);
    }

    private int port() {
        return acceptor.getLocalAddress().getPort();
    }

    private IoSession goodClient() {
        ConnectFuture f = connector.connect(new InetSocketAddress("127.0.0.1", port()));
        f.awaitUninterruptibly(WAIT.toMillis());
        return f.getSession();
    }

    private void assertRoundTrip(IoSession good, long n) {
        Message.Heartbeat hb = new Message.Heartbeat(n);
        good.write(hb);
        await().atMost(WAIT).until(() -> echoes.contains(hb));
    }

    static Stream<Arguments> violations() {
        byte[] heartbeat = payload(new Message.Heartbeat(7));
        return Stream.of(
                Arguments.of("http request", "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
                Arguments.of("two bytes of garbage", of('h', 'i')),
                Arguments.of("oversized header alone", header(Frames.MAGIC, Frames.VERSION, MessageType.TASK.code(), MAX + 1)),
                Arguments.of("header announcing 2 GiB", header(Frames.MAGIC, Frames.VERSION, MessageType.TASK.code(), Integer.MAX_VALUE)),
                Arguments.of("wrong version", concat(header(Frames.MAGIC, Frames.VERSION + 1, MessageType.HEARTBEAT.code(), 8), heartbeat)),
                Arguments.of("unknown type", frame(77, heartbeat)),
                Arguments.of("trailing bytes", frame(MessageType.HEARTBEAT.code(), concat(heartbeat, of(0)))),
                Arguments.of("malformed UTF-8", frame(MessageType.CANCEL.code(),
                        new WireWriter().bytes(of(0xc3, 0x28)).str("h").toByteArray())),
                Arguments.of("valid frame then garbage", concat(Frames.encode(new Message.Heartbeat(1)), of(0, 0, 0, 0, 0, 0, 0, 0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void violatorIsClosedAndTheOtherSessionIsUntouched(String name, byte[] bytes) throws IOException {
        IoSession good = goodClient();
        assertRoundTrip(good, 1);
        try (Socket bad = new Socket("127.0.0.1", port())) {
            await().atMost(WAIT).until(() -> acceptor.getManagedSessionCount() == 2);
            bad.getOutputStream().write(bytes);
            bad.getOutputStream().flush();
            assertClosedByPeer(bad);
        }
        await().atMost(WAIT).until(() -> acceptor.getManagedSessionCount() == 1);
        assertTrue(good.isConnected());
        assertRoundTrip(good, 2);
        // only the good session's two heartbeats (plus a valid frame before garbage) ever reached the handler
        long goodId = acceptor.getManagedSessions().keySet().iterator().next();
        assertEquals(List.of(new Message.Heartbeat(1), new Message.Heartbeat(2)), List.copyOf(receivedBySession.get(goodId)));
        receivedBySession.remove(goodId);
        receivedBySession.values().forEach(q -> assertEquals(List.of(new Message.Heartbeat(1)), List.copyOf(q)));
    }

    @Test
    void truncatedFrameThenCloseFreesTheSessionAndDeliversNothing() throws IOException {
        IoSession good = goodClient();
        assertRoundTrip(good, 1);
        try (Socket bad = new Socket("127.0.0.1", port())) {
            byte[] task = Frames.encode(new Message.Cancel("task-1", "host-1"));
            bad.getOutputStream().write(task, 0, task.length - 3);
            bad.getOutputStream().flush();
            bad.shutdownOutput();
            assertClosedByPeer(bad);
        }
        await().atMost(WAIT).until(() -> acceptor.getManagedSessionCount() == 1);
        assertRoundTrip(good, 2);
        assertEquals(1, receivedBySession.size(), "the truncated frame must never reach the handler");
    }

    @Test
    void fragmentedValidFramesAreDelivered() throws IOException {
        try (Socket slow = new Socket("127.0.0.1", port())) {
            slow.setTcpNoDelay(true);
            byte[] frame = Frames.encode(new Message.Cancel("task-1", "host-1"));
            for (byte b : frame) {
                slow.getOutputStream().write(b);
                slow.getOutputStream().flush();
            }
            await().atMost(WAIT).until(() -> receivedBySession.values().stream()
                    .anyMatch(q -> q.contains(new Message.Cancel("task-1", "host-1"))));
        }
    }

    /** Reads until the server closes the connection; fails if it stays open. */
    private static void assertClosedByPeer(Socket socket) throws IOException {
        socket.setSoTimeout((int) WAIT.toMillis());
        InputStream in = socket.getInputStream();
        try {
            while (in.read() != -1) {
                // an echo of a valid frame sent before the violation may arrive first
            }
        } catch (java.net.SocketException reset) {
            // a reset is a close too
        }
    }
}
