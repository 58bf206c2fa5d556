package dev.orrery.agent.core.internal;

import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.Register;
import dev.orrery.protocol.Message.Welcome;
import dev.orrery.protocol.OrreryProtocol;
import dev.orrery.tls.Enroller;
import dev.orrery.tls.PeerRole;
import dev.orrery.tls.TlsContexts;
import dev.orrery.tls.TlsIdentity;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;

/**
 * Registers this host with the center: connects, sends {@link Register}, waits for the
 * {@link Welcome}, closes. One short-lived session per registration. Thread-safe.
 */
final class Registrar {
    private final Connector connector;
    private final long timeoutMillis;
    private final AgentTls tls;
    private final int maxFrameBytes;

    /**
     * @param connector the agent's connector
     * @param timeoutMillis how long to wait for the welcome, connect included
     */
    Registrar(Connector connector, long timeoutMillis) {
        this(connector, timeoutMillis, AgentTls.OFF, 0);
    }

    /**
     * @param connector the agent's connector
     * @param timeoutMillis how long to wait for the welcome, connect included
     * @param tls the agent's TLS: before the first registration the connector is secured with the
     *        saved identity, or with one enrolled at the center then
     * @param maxFrameBytes largest frame accepted while enrolling
     */
    Registrar(Connector connector, long timeoutMillis, AgentTls tls, int maxFrameBytes) {
        this.connector = connector;
        this.timeoutMillis = timeoutMillis;
        this.tls = tls;
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * @param center the center's address
     * @param register who this host is
     * @return completes with the welcome, or with why registration failed
     */
    CompletableFuture<Welcome> register(HostPort center, Register register) {
        if (tls.enabled() && !connector.secured()) {
            // enrolling blocks (connect, handshake, answer): on its own short-lived thread, never the timer's
            return CompletableFuture.runAsync(() -> secure(center, register.hostId()), r -> {
                Thread t = new Thread(r, "orrery-agent-enroll");
                t.setDaemon(true);
                t.start();
            }).thenCompose(done -> exchange(center, register));
        }
        return exchange(center, register);
    }

    private void secure(HostPort center, String hostId) {
        try {
            TlsIdentity id = new Enroller(tls.enroll()).identity(center.host(), center.port(), PeerRole.AGENT, hostId,
                    maxFrameBytes);
            connector.secure(TlsContexts.of(id, Set.of(PeerRole.CENTER, PeerRole.CHANNEL)));
        } catch (IOException e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    private CompletableFuture<Welcome> exchange(HostPort center, Register register) {
        Exchange exchange = new Exchange(register);
        connector.connect(center, exchange).whenComplete((s, e) -> {
            if (e != null) {
                exchange.result.completeExceptionally(e);
            }
        });
        return exchange.result.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS).whenComplete((w, e) -> exchange.close());
    }

    /** The handler of one registration session. */
    private static final class Exchange extends IoHandlerAdapter {
        final CompletableFuture<Welcome> result = new CompletableFuture<>();
        private final Register register;
        private volatile IoSession session;

        Exchange(Register register) {
            this.register = register;
        }

        @Override
        public void sessionOpened(IoSession s) {
            session = s;
            if (result.isDone()) {
                s.closeNow(); // timed out while connecting
            } else {
                s.write(register);
            }
        }

        @Override
        public void messageReceived(IoSession s, Object message) {
            if (message instanceof Welcome w) {
                result.complete(w);
            } else {
                result.completeExceptionally(new IOException("center answered " + ((Message) message).type()
                        + " instead of WELCOME"));
            }
            s.closeNow();
        }

        @Override
        public void sessionClosed(IoSession s) {
            result.completeExceptionally(new IOException("the center closed the connection without a welcome"));
        }

        @Override
        public void exceptionCaught(IoSession s, Throwable cause) {
            result.completeExceptionally(OrreryProtocol.isProtocolViolation(cause)
                    ? new IOException("protocol violation by the center: " + cause.getMessage()) : cause);
            s.closeNow();
        }

        void close() {
            IoSession s = session;
            if (s != null) {
                s.closeNow();
            }
        }
    }
}
