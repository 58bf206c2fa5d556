package dev.orrery.center.link.internal;

import dev.orrery.protocol.Message;
import dev.orrery.protocol.OrreryProtocol;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.mina.core.future.ConnectFuture;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioSocketConnector;

/** A fake agent or channel: a MINA connector speaking the real protocol. */
final class Peer implements AutoCloseable {
    final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private final NioSocketConnector connector = new NioSocketConnector();
    final IoSession session;

    Peer(int port) {
        this(port, null);
    }

    /** @param tls a client SSL context, {@code null} for plain text */
    Peer(int port, javax.net.ssl.SSLContext tls) {
        if (tls != null) {
            connector.getFilterChain().addFirst(dev.orrery.tls.TlsContexts.FILTER, dev.orrery.tls.TlsContexts.clientFilter(tls));
        }
        OrreryProtocol.install(connector.getFilterChain(), 8 * 1024 * 1024);
        connector.setHandler(new IoHandlerAdapter() {
            @Override
            public void messageReceived(IoSession s, Object message) {
                received.add((Message) message);
            }
        });
        ConnectFuture f = connector.connect(new InetSocketAddress("127.0.0.1", port));
        f.awaitUninterruptibly(5, TimeUnit.SECONDS);
        session = f.getSession();
    }

    void send(Message m) {
        session.write(m);
    }

    /** @return the next message of this type, skipping heartbeats; fails after 5 s */
    <T extends Message> T next(Class<T> type) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            Message m = received.poll(100, TimeUnit.MILLISECONDS);
            if (type.isInstance(m)) {
                return type.cast(m);
            }
            if (m != null && !(m instanceof Message.Heartbeat)) {
                throw new AssertionError("expected " + type.getSimpleName() + ", got " + m);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " within 5 s");
    }

    boolean connected() {
        return session.isConnected();
    }

    @Override
    public void close() {
        session.closeNow().awaitUninterruptibly(5, TimeUnit.SECONDS);
        connector.dispose(true);
    }
}
