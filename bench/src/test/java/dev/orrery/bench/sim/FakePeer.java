package dev.orrery.bench.sim;

import dev.orrery.protocol.Frames;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.OrreryProtocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;

/** A tiny in-process center or channel on a free loopback port: records what arrives and answers as told. */
final class FakePeer implements AutoCloseable {
    /** One message as it arrived. */
    record Received(IoSession session, Message message) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<IoSession> opened = new CopyOnWriteArrayList<>();
    private final NioSocketAcceptor acceptor = new NioSocketAcceptor(1);
    private volatile BiConsumer<IoSession, Message> answer = (s, m) -> { };

    FakePeer() throws IOException {
        OrreryProtocol.install(acceptor.getFilterChain(), Frames.DEFAULT_MAX_PAYLOAD);
        acceptor.setHandler(new IoHandlerAdapter() {
            @Override
            public void sessionOpened(IoSession s) {
                opened.add(s);
            }

            @Override
            public void messageReceived(IoSession s, Object message) {
                received.add(new Received(s, (Message) message));
                answer.accept(s, (Message) message);
            }
        });
        acceptor.bind(new InetSocketAddress("127.0.0.1", 0));
    }

    FakePeer answering(BiConsumer<IoSession, Message> how) {
        this.answer = how;
        return this;
    }

    int port() {
        return ((InetSocketAddress) acceptor.getLocalAddress()).getPort();
    }

    String address() {
        return "127.0.0.1:" + port();
    }

    /** @return the messages of one type, in arrival order */
    <T extends Message> List<T> all(Class<T> type) {
        return received.stream().map(Received::message).filter(type::isInstance).map(type::cast).toList();
    }

    /** @return the session an agent said Hello on */
    IoSession sessionOf(String hostId) {
        return received.stream().filter(r -> r.message() instanceof Message.Hello h && h.id().equals(hostId))
                .map(Received::session).reduce((a, b) -> b).orElseThrow();
    }

    @Override
    public void close() {
        acceptor.unbind();
        acceptor.dispose(true);
    }
}
