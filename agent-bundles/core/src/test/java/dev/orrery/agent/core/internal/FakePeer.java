package dev.orrery.agent.core.internal;

import static org.awaitility.Awaitility.await;

import dev.orrery.protocol.Frames;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.OrreryProtocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;

/** A fake center or channel for tests: a MINA acceptor on 127.0.0.1 that records what it receives. */
final class FakePeer implements AutoCloseable {
    final List<Message> received = new CopyOnWriteArrayList<>();
    final List<IoSession> sessions = new CopyOnWriteArrayList<>();
    private final NioSocketAcceptor acceptor = new NioSocketAcceptor(1);

    /**
     * @param port 0 for any free port, or a port to (re)bind
     * @param reply answer to a received message, or {@code null} for none
     */
    FakePeer(int port, BiFunction<IoSession, Message, Message> reply) throws IOException {
        acceptor.setReuseAddress(true);
        OrreryProtocol.install(acceptor.getFilterChain(), Frames.DEFAULT_MAX_PAYLOAD);
        acceptor.setHandler(new IoHandlerAdapter() {
            @Override
            public void sessionOpened(IoSession s) {
                sessions.add(s);
            }

            @Override
            public void sessionClosed(IoSession s) {
                sessions.remove(s);
            }

            @Override
            public void messageReceived(IoSession s, Object message) {
                Message m = (Message) message;
                received.add(m);
                Message answer = reply == null ? null : reply.apply(s, m);
                if (answer != null) {
                    s.write(answer);
                }
            }
        });
        acceptor.bind(new InetSocketAddress("127.0.0.1", port));
    }

    /** A channel that answers heartbeats, acknowledges every result STORED and every data record, as channel and center do. */
    static FakePeer channel(int port) throws IOException {
        return channel(port, true);
    }

    /**
     * @param port 0 for any free port, or a port to (re)bind
     * @param store whether to answer each result with {@code Ack(STORED)} and each batch of records with its ack
     * @return a channel that answers heartbeats
     */
    static FakePeer channel(int port, boolean store) throws IOException {
        return new FakePeer(port, (s, m) -> {
            if (m instanceof Message.Heartbeat) {
                return new Message.Heartbeat(System.currentTimeMillis());
            }
            if (store && m instanceof Message.Records r && !r.records().isEmpty()) {
                return new Message.RecordsAck(r.hostId(), r.records().get(r.records().size() - 1).seq());
            }
            return store && m instanceof Message.Result r
                    ? new Message.Ack(r.taskId(), r.hostId(), Message.AckKind.STORED) : null;
        });
    }

    int port() {
        return acceptor.getLocalAddress().getPort();
    }

    String address() {
        return "127.0.0.1:" + port();
    }

    /** Sends to every connected session. */
    void broadcast(Message m) {
        sessions.forEach(s -> s.write(m));
    }

    <T extends Message> List<T> all(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends Message> T awaitFirst(Class<T> type, Predicate<T> filter) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> all(type).stream().filter(filter).findFirst().orElse(null), m -> m != null);
    }

    void awaitConnected() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !sessions.isEmpty());
    }

    @Override
    public void close() {
        acceptor.unbind();
        sessions.forEach(IoSession::closeNow);
        acceptor.dispose(true);
    }
}
