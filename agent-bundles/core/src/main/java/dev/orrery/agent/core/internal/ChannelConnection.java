package dev.orrery.agent.core.internal;

import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.Cancel;
import dev.orrery.protocol.Message.Heartbeat;
import dev.orrery.protocol.Message.Hello;
import dev.orrery.protocol.Message.Redirect;
import dev.orrery.protocol.Message.Task;
import dev.orrery.protocol.OrreryProtocol;
import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.mina.core.future.WriteFuture;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long connection to a channel: says {@link Hello} first, sends a heartbeat every period and
 * drops the session when the channel stays silent for three periods; hands tasks, cancels, acks
 * and record acks to the {@link AgentCore} and redirects and the session's end to its {@link Listener}. Callbacks
 * run on the I/O thread and never block.
 */
final class ChannelConnection extends IoHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelConnection.class);

    /** What the agent learns from a connection. Called on I/O or timer threads; must not block. */
    interface Listener {
        /** @param c the session opened and Hello was sent */
        void opened(ChannelConnection c);

        /** @param c the channel proved alive (it spoke, or the session survived a heartbeat period) */
        void established(ChannelConnection c);

        /** @param c the session ended */
        void closed(ChannelConnection c);

        /** @param c the channel asked to go elsewhere @param r where */
        void redirected(ChannelConnection c, Redirect r);
    }

    private final HostPort address;
    private final Hello hello;
    private final int heartbeatSeconds;
    private final LinkTimer timer;
    private final Listener listener;
    private final AgentCore core;
    private final AtomicBoolean established = new AtomicBoolean();
    private volatile IoSession session;
    private volatile long lastHeardNanos;
    private volatile ScheduledFuture<?> beat;

    ChannelConnection(HostPort address, Hello hello, int heartbeatSeconds, LinkTimer timer, Listener listener,
            AgentCore core) {
        this.address = address;
        this.hello = hello;
        this.heartbeatSeconds = heartbeatSeconds;
        this.timer = timer;
        this.listener = listener;
        this.core = core;
    }

    /** @return the channel's address */
    HostPort address() {
        return address;
    }

    /** @return the local address of the connection (the one used to reach the channel), empty if not open */
    String localIp() {
        IoSession s = session;
        return s != null && s.getLocalAddress() instanceof java.net.InetSocketAddress a && a.getAddress() != null
                ? a.getAddress().getHostAddress() : "";
    }

    /**
     * @param m a message
     * @return the pending write, or {@code null} if the session is not open
     */
    WriteFuture send(Message m) {
        IoSession s = session;
        return s == null || !s.isConnected() || s.isClosing() ? null : s.write(m);
    }

    /** Closes the session now, if there is one. */
    void close() {
        IoSession s = session;
        if (s != null) {
            s.closeNow();
        }
    }

    @Override
    public void sessionOpened(IoSession s) {
        session = s;
        lastHeardNanos = System.nanoTime();
        s.write(hello);
        try {
            beat = timer.every(this::tick, heartbeatSeconds);
        } catch (RejectedExecutionException e) {
            s.closeNow(); // the agent is stopping
            return;
        }
        listener.opened(this);
    }

    private void tick() {
        IoSession s = session;
        if (s == null || !s.isConnected()) {
            return;
        }
        if (System.nanoTime() - lastHeardNanos > TimeUnit.SECONDS.toNanos(3L * heartbeatSeconds)) {
            LOG.warn("Channel {} silent for three heartbeats ({} s); dropping the connection", address, 3 * heartbeatSeconds);
            s.closeNow();
            return;
        }
        s.write(new Heartbeat(System.currentTimeMillis()));
        markEstablished();
    }

    private void markEstablished() {
        if (established.compareAndSet(false, true)) {
            listener.established(this);
        }
    }

    @Override
    public void messageReceived(IoSession s, Object message) {
        lastHeardNanos = System.nanoTime();
        markEstablished();
        if (message instanceof Task t) {
            core.onTask(t);
        } else if (message instanceof Cancel c) {
            core.onCancel(c);
        } else if (message instanceof Message.Ack a) {
            core.onAck(a);
        } else if (message instanceof Message.RecordsAck a) {
            core.onRecordsAck(a);
        } else if (message instanceof Redirect r) {
            listener.redirected(this, r);
        } else if (!(message instanceof Heartbeat)) {
            LOG.debug("Ignoring {} from channel {}", ((Message) message).type(), address);
        }
    }

    @Override
    public void sessionClosed(IoSession s) {
        ScheduledFuture<?> b = beat;
        if (b != null) {
            b.cancel(false);
        }
        listener.closed(this);
    }

    @Override
    public void exceptionCaught(IoSession s, Throwable cause) {
        if (OrreryProtocol.isProtocolViolation(cause)) {
            return; // the protocol guard logged it and closed the session
        }
        if (cause instanceof IOException) {
            LOG.debug("I/O error on channel {}: {}", address, cause.toString());
        } else {
            LOG.warn("Unexpected error on the connection to channel {}; closing it", address, cause);
        }
        s.closeNow();
    }

    @Override
    public String toString() {
        return "channel " + address;
    }
}
