package dev.orrery.channel.relay.internal;

import dev.orrery.protocol.Backoff;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.Heartbeat;
import dev.orrery.protocol.Message.Hello;
import dev.orrery.protocol.OrreryProtocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.mina.core.future.ConnectFuture;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioSocketConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel's one long connection to the center. On connect it says {@link Hello} first, then
 * runs {@code onConnected} (which sends a report); if the center is down or goes away it
 * reconnects after a jittered exponential {@link Backoff}; it sends a heartbeat every period.
 * Connecting and scheduling happen on the scheduler thread; nothing here blocks an I/O thread.
 */
final class Uplink {
    private static final Logger LOG = LoggerFactory.getLogger(Uplink.class);
    private static final long CONNECT_TIMEOUT_MS = 5_000;

    private final String centerHost;
    private final int centerPort;
    private final String center; // host:port, for the log
    private final Hello hello;
    private final Backoff backoff;
    private final ScheduledExecutorService scheduler;
    private final Consumer<Message> fromCenter;
    private final Runnable onConnected;
    private final NioSocketConnector connector = new NioSocketConnector(1);
    /** Writes to the center on a thread of its own, never the caller's (see {@link SessionWriter}). */
    private final SessionWriter writer = new SessionWriter("orrery-channel-uplink-writer");
    private volatile IoSession current;
    private volatile boolean stopped;
    private volatile int failures; // only chooses the log level: a lost update is harmless

    /**
     * @param settings where the center is, backoff bounds, frame limit
     * @param hello what to say first on every connection
     * @param scheduler the thread that connects, reconnects and sends heartbeats
     * @param fromCenter receives every message from the center, on an I/O thread; must not block
     * @param onConnected runs on an I/O thread after the Hello is queued; must not block
     * @param tls this channel's client context (its certificate; trusts only the center), {@code null} for plain text
     */
    Uplink(ChannelSettings settings, Hello hello, ScheduledExecutorService scheduler, Consumer<Message> fromCenter,
            Runnable onConnected, javax.net.ssl.SSLContext tls) {
        this.centerHost = settings.centerHost();
        this.centerPort = settings.centerPort();
        this.center = centerHost + ":" + centerPort;
        this.hello = hello;
        this.backoff = new Backoff(settings.backoffMinMs(), settings.backoffMaxMs());
        this.scheduler = scheduler;
        this.fromCenter = fromCenter;
        this.onConnected = onConnected;
        if (tls != null) {
            connector.getFilterChain().addFirst(dev.orrery.tls.TlsContexts.FILTER, dev.orrery.tls.TlsContexts.clientFilter(tls));
        }
        OrreryProtocol.install(connector.getFilterChain(), settings.maxFrameBytes());
        connector.setConnectTimeoutMillis(CONNECT_TIMEOUT_MS);
        connector.getSessionConfig().setKeepAlive(true);
        connector.getSessionConfig().setTcpNoDelay(true);
        connector.setHandler(new Handler());
    }

    /** @param heartbeatSeconds period of heartbeats to the center */
    void start(long heartbeatSeconds) {
        scheduler.scheduleWithFixedDelay(() -> send(new Heartbeat(System.currentTimeMillis())), heartbeatSeconds,
                heartbeatSeconds, TimeUnit.SECONDS);
        scheduler.execute(this::connect);
    }

    /**
     * Queues a message to the center (written by the uplink's writer thread, in the order queued).
     *
     * @param m the message
     * @return {@code false} if there is no connection to the center right now
     */
    boolean send(Message m) {
        IoSession s = current;
        if (s == null || !s.isConnected() || s.isClosing()) {
            return false;
        }
        return writer.write(s, m);
    }

    /** @return whether the Hello went out on a connection that is still open */
    boolean isConnected() {
        IoSession s = current;
        return s != null && s.isConnected();
    }

    /** Closes the connection and stops reconnecting; waits for the connector's threads. Not on an I/O thread. */
    void stop() {
        stopped = true;
        writer.close();
        IoSession s = current;
        if (s != null) {
            s.closeNow().awaitUninterruptibly(CONNECT_TIMEOUT_MS);
        }
        connector.dispose(true);
    }

    private void connect() {
        if (stopped) {
            return;
        }
        // resolve on every attempt (on this scheduler thread): the center's address may change while it is down
        InetSocketAddress target = new InetSocketAddress(centerHost, centerPort);
        if (target.isUnresolved()) {
            connectionFailed(new UnknownHostException("cannot resolve " + centerHost));
            return;
        }
        try {
            connector.connect(target).addListener(f -> {
                ConnectFuture cf = (ConnectFuture) f;
                if (!cf.isConnected()) {
                    connectionFailed(cf.getException());
                }
            });
        } catch (RuntimeException e) {
            connectionFailed(e); // the connector is being disposed, or refused the address
        }
    }

    private void connectionFailed(Throwable cause) {
        if (stopped) {
            return;
        }
        failures++;
        String why = cause == null ? "unknown" : cause.getMessage();
        if (failures == 1) {
            LOG.warn("Cannot reach the center at {}: {}; retrying with backoff", center, why);
        } else {
            LOG.debug("Cannot reach the center at {} (attempt {}): {}", center, failures, why);
        }
        reconnectLater();
    }

    private void reconnectLater() {
        if (stopped) {
            return;
        }
        try {
            scheduler.schedule(this::connect, backoff.next(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the channel is stopping
        }
    }

    private final class Handler extends IoHandlerAdapter {
        @Override
        public void sessionOpened(IoSession session) {
            if (stopped) {
                session.closeNow();
                return;
            }
            session.write(hello);
            current = session; // published after the Hello is queued, so nothing can overtake it
            failures = 0;
            backoff.reset();
            LOG.info("Connected to the center at {} as channel {}", session.getRemoteAddress(), hello.id());
            onConnected.run();
        }

        @Override
        public void messageReceived(IoSession session, Object message) {
            fromCenter.accept((Message) message);
        }

        @Override
        public void sessionClosed(IoSession session) {
            if (current == session) {
                current = null;
            }
            if (!stopped) {
                LOG.warn("Lost the connection to the center at {}; reconnecting", center);
                reconnectLater();
            }
        }

        @Override
        public void exceptionCaught(IoSession session, Throwable cause) {
            if (!OrreryProtocol.isProtocolViolation(cause)) {
                if (cause instanceof IOException) {
                    LOG.debug("I/O error on the uplink: {}", cause.toString());
                } else {
                    LOG.warn("Unexpected error on the uplink; reconnecting", cause);
                }
                session.closeNow();
            }
        }
    }
}
