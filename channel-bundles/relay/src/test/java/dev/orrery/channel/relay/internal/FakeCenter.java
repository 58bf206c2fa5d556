package dev.orrery.channel.relay.internal;

import dev.orrery.protocol.Frames;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.OrreryProtocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;

/** A stand-in for the center's channel port: records what channels send, sends what a test asks. */
final class FakeCenter implements AutoCloseable {
    private final List<Message> received = new CopyOnWriteArrayList<>();
    private final List<IoSession> sessions = new CopyOnWriteArrayList<>();
    private NioSocketAcceptor acceptor;
    private int port;
    private javax.net.ssl.SSLContext tls;

    /** Starts listening on a free port. */
    FakeCenter() throws IOException {
        this(0);
    }

    /** @param port the port to listen on, 0 for a free one */
    FakeCenter(int port) throws IOException {
        this(port, null);
    }

    /** @param port the port to listen on, 0 for a free one @param tls a server context requiring client certificates, or null */
    FakeCenter(int port, javax.net.ssl.SSLContext tls) throws IOException {
        this.port = port;
        this.tls = tls;
        start();
    }

    /** Listens (again) on the same port. */
    void start() throws IOException {
        acceptor = new NioSocketAcceptor(1);
        acceptor.setReuseAddress(true);
        if (tls != null) {
            acceptor.getFilterChain().addFirst(dev.orrery.tls.TlsContexts.FILTER, dev.orrery.tls.TlsContexts.serverFilter(tls, true));
        }
        OrreryProtocol.install(acceptor.getFilterChain(), Frames.DEFAULT_MAX_PAYLOAD);
        acceptor.setHandler(new IoHandlerAdapter() {
            @Override
            public void sessionOpened(IoSession session) {
                sessions.add(session);
            }

            @Override
            public void messageReceived(IoSession session, Object message) {
                received.add((Message) message);
            }

            @Override
            public void sessionClosed(IoSession session) {
                sessions.remove(session);
            }

            @Override
            public void exceptionCaught(IoSession session, Throwable cause) {
                session.closeNow();
            }
        });
        acceptor.bind(new InetSocketAddress("127.0.0.1", port));
        port = acceptor.getLocalAddress().getPort();
    }

    /** Stops listening and drops every connection, as a crashed center would. */
    void stop() {
        acceptor.unbind();
        acceptor.dispose(true);
    }

    @Override
    public void close() {
        if (!acceptor.isDisposed()) {
            stop();
        }
    }

    int port() {
        return port;
    }

    /** @return how many channels are connected */
    int connections() {
        return sessions.size();
    }

    /** @param m sent to every connected channel */
    void send(Message m) {
        sessions.forEach(s -> s.write(m));
    }

    /** @return everything received so far, in order */
    List<Message> received() {
        return List.copyOf(received);
    }

    /** @return everything of one type received so far, in order */
    <T extends Message> List<T> received(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** @return the last report received, or {@code null} */
    Message.Report lastReport() {
        List<Message.Report> reports = received(Message.Report.class);
        return reports.isEmpty() ? null : reports.get(reports.size() - 1);
    }

    void clear() {
        received.clear();
    }
}
