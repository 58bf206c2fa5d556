package dev.orrery.agent.core.internal;

import dev.orrery.protocol.OrreryProtocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.mina.core.future.ConnectFuture;
import org.apache.mina.core.service.IoHandler;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioSocketConnector;

/**
 * The agent's one MINA connector (one I/O thread), speaking the Orrery protocol. Each connection
 * gets its own {@link IoHandler}, kept as a session attribute. Thread-safe.
 */
final class Connector implements AutoCloseable {
    private static final String HANDLER = Connector.class.getName() + ".handler";

    private final NioSocketConnector connector = new NioSocketConnector(1);
    private final InetSocketAddress local;
    private boolean secured;

    /**
     * @param maxFrameBytes largest payload accepted
     * @param connectTimeoutMillis how long a TCP connect may take
     */
    Connector(int maxFrameBytes, long connectTimeoutMillis) {
        this(maxFrameBytes, connectTimeoutMillis, Optional.empty());
    }

    /**
     * @param maxFrameBytes largest payload accepted
     * @param connectTimeoutMillis how long a TCP connect may take
     * @param local the local address every connection is made from; empty: chosen by the system
     */
    Connector(int maxFrameBytes, long connectTimeoutMillis, Optional<InetSocketAddress> local) {
        this.local = local.orElse(null);
        connector.setConnectTimeoutMillis(connectTimeoutMillis);
        connector.getSessionConfig().setTcpNoDelay(true);
        connector.getSessionConfig().setKeepAlive(true);
        OrreryProtocol.install(connector.getFilterChain(), maxFrameBytes);
        connector.setHandler(new Router());
    }

    /**
     * Secures every connection made from now on with mutual TLS.
     *
     * @param tls the agent's client context (its certificate; trusts the center and channels of its CA)
     */
    synchronized void secure(javax.net.ssl.SSLContext tls) {
        if (connector.getFilterChain().contains(dev.orrery.tls.TlsContexts.FILTER)) {
            connector.getFilterChain().remove(dev.orrery.tls.TlsContexts.FILTER);
        }
        connector.getFilterChain().addFirst(dev.orrery.tls.TlsContexts.FILTER, dev.orrery.tls.TlsContexts.clientFilter(tls));
        secured = true;
    }

    /** @return whether {@link #secure} was called */
    synchronized boolean secured() {
        return secured;
    }

    /**
     * @param address where to connect (resolved here: may block on a name lookup)
     * @param handler the handler of this connection
     * @return completes with the session once connected, or with the failure
     */
    CompletableFuture<IoSession> connect(HostPort address, IoHandler handler) {
        CompletableFuture<IoSession> result = new CompletableFuture<>();
        InetSocketAddress resolved = address.resolve();
        if (resolved.isUnresolved()) {
            result.completeExceptionally(new IOException("cannot resolve " + address.host()));
            return result;
        }
        ConnectFuture f;
        try {
            f = connector.connect(resolved, local, (session, future) -> session.setAttribute(HANDLER, handler));
        } catch (RuntimeException e) { // disposed while stopping, or a bad address
            result.completeExceptionally(e);
            return result;
        }
        f.addListener(done -> {
            ConnectFuture cf = (ConnectFuture) done;
            if (cf.isConnected()) {
                result.complete(cf.getSession());
            } else {
                Throwable e = cf.getException();
                result.completeExceptionally(e != null ? e : new IOException("connect to " + address + " cancelled"));
            }
        });
        return result;
    }

    @Override
    public void close() {
        connector.dispose(true);
    }

    /** Forwards every event to the session's own handler. */
    private static final class Router extends IoHandlerAdapter {
        private static IoHandler of(IoSession s) {
            Object h = s.getAttribute(HANDLER);
            return h instanceof IoHandler handler ? handler : new IoHandlerAdapter();
        }

        @Override
        public void sessionCreated(IoSession s) throws Exception {
            of(s).sessionCreated(s);
        }

        @Override
        public void sessionOpened(IoSession s) throws Exception {
            of(s).sessionOpened(s);
        }

        @Override
        public void sessionClosed(IoSession s) throws Exception {
            of(s).sessionClosed(s);
        }

        @Override
        public void sessionIdle(IoSession s, IdleStatus status) throws Exception {
            of(s).sessionIdle(s, status);
        }

        @Override
        public void exceptionCaught(IoSession s, Throwable cause) throws Exception {
            of(s).exceptionCaught(s, cause);
        }

        @Override
        public void messageReceived(IoSession s, Object message) throws Exception {
            of(s).messageReceived(s, message);
        }

        @Override
        public void inputClosed(IoSession s) throws Exception {
            of(s).inputClosed(s);
        }
    }
}
