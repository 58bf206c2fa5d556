package dev.orrery.channel.relay.internal;

import dev.orrery.protocol.Frames;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.OrreryProtocol;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.mina.core.future.ConnectFuture;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioSocketConnector;

/** A stand-in agent: one MINA connection to a channel, recording what it receives. */
final class FakeAgent implements AutoCloseable {
    private final NioSocketConnector connector = new NioSocketConnector(1);
    private final List<Message> received = new CopyOnWriteArrayList<>();
    private final IoSession session;

    private FakeAgent(int port) {
        this(port, null);
    }

    private FakeAgent(int port, javax.net.ssl.SSLContext tls) {
        if (tls != null) {
            connector.getFilterChain().addFirst(dev.orrery.tls.TlsContexts.FILTER, dev.orrery.tls.TlsContexts.clientFilter(tls));
        }
        OrreryProtocol.install(connector.getFilterChain(), Frames.DEFAULT_MAX_PAYLOAD);
        connector.setHandler(new IoHandlerAdapter() {
            @Override
            public void messageReceived(IoSession s, Object message) {
                received.add((Message) message);
            }
        });
        ConnectFuture f = connector.connect(new InetSocketAddress("127.0.0.1", port));
        f.awaitUninterruptibly(10_000);
        session = f.getSession();
    }

    /** @return an agent connected to the port that has said Hello as {@code hostId} */
    static FakeAgent hello(int port, String hostId) {
        FakeAgent a = new FakeAgent(port);
        a.send(new Message.Hello(Message.Role.AGENT, hostId, "idc-t", "", "test"));
        return a;
    }

    /** @return an agent connected over TLS with this context that has said Hello as {@code hostId} */
    static FakeAgent hello(int port, String hostId, javax.net.ssl.SSLContext tls) {
        FakeAgent a = new FakeAgent(port, tls);
        a.send(new Message.Hello(Message.Role.AGENT, hostId, "idc-t", "", "test"));
        return a;
    }

    /** @return an agent connected to the port that has said nothing yet */
    static FakeAgent silent(int port) {
        return new FakeAgent(port);
    }

    void send(Message m) {
        session.write(m);
    }

    /** @return whether the channel has closed the connection */
    boolean isClosed() {
        return !session.isConnected();
    }

    <T extends Message> List<T> received(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() {
        session.closeNow().awaitUninterruptibly(5_000);
        connector.dispose(true);
    }
}
