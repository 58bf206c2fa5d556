package dev.orrery.tls;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.mina.core.filterchain.DefaultIoFilterChainBuilder;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.FilterEvent;
import org.apache.mina.filter.ssl.SslEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the TLS handshakes a server has in progress. A handshake costs milliseconds of CPU
 * (key exchange, a signature, certificate checks), and MINA runs the engine's delegated tasks
 * of every session on one small shared pool, first come first served: when thousands of agents
 * connect at once, every handshake waits behind all the others, all of them finish late, the
 * agents give up (registration timeout) and retry, and the server spends its CPU on handshakes
 * nobody waits for any more. The gate closes a new connection at once, before any TLS work,
 * while {@code max} handshakes are in progress; the refused agent retries after its jittered
 * backoff, and the handshakes admitted finish within a bounded time. Thread-safe.
 *
 * <p>Two filters share the count: {@link #entry()} before the TLS filter (admits or closes a new
 * session) and {@link #exit()} right after it (sees the handshake finish); {@link #install}
 * adds both.
 */
public final class HandshakeGate {
    /** Handshakes in progress at once by default: about half a second of work on two cores. */
    public static final int DEFAULT_MAX_PENDING = 128;
    /** Filter names in a chain. */
    public static final String ENTRY = "orrery-tls-gate", EXIT = "orrery-tls-gate-done";
    private static final Logger LOG = LoggerFactory.getLogger(HandshakeGate.class);
    private static final AttributeKey PENDING = new AttributeKey(HandshakeGate.class, "pending");

    private final int max;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final IoFilterAdapter entry = new Entry();
    private final IoFilterAdapter exit = new Exit();

    /** @param max handshakes in progress at once, at least 1 */
    public HandshakeGate(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive, was " + max);
        }
        this.max = max;
    }

    /**
     * Adds the entry filter right before and the exit filter right after the TLS filter.
     *
     * @param chain an acceptor's chain that already holds {@code tlsFilterName}
     * @param tlsFilterName the name of its {@code SslFilter}
     * @return this gate
     */
    public HandshakeGate install(DefaultIoFilterChainBuilder chain, String tlsFilterName) {
        chain.addBefore(tlsFilterName, ENTRY, entry);
        chain.addAfter(tlsFilterName, EXIT, exit);
        return this;
    }

    /** @return the filter that admits or closes new sessions (before the TLS filter) */
    public IoFilterAdapter entry() {
        return entry;
    }

    /** @return the filter that counts finished handshakes (after the TLS filter) */
    public IoFilterAdapter exit() {
        return exit;
    }

    /** @return handshakes in progress now */
    public int pending() {
        return pending.get();
    }

    /** @return connections closed by the gate so far */
    public long refused() {
        return refused.get();
    }

    /** @return the bound */
    public int max() {
        return max;
    }

    private void done(IoSession session) {
        if (session.removeAttribute(PENDING) != null) {
            pending.decrementAndGet();
        }
    }

    private final class Entry extends IoFilterAdapter {
        @Override
        public void sessionCreated(NextFilter next, IoSession session) throws Exception {
            if (session.isClosing()) {
                next.sessionCreated(session); // closed by an earlier filter (a connection cap)
                return;
            }
            if (pending.incrementAndGet() > max) {
                pending.decrementAndGet();
                if (refused.incrementAndGet() % 1000 == 1) {
                    LOG.warn("{} TLS handshakes in progress; closing new connections until fewer ({} so far), they retry",
                            max, refused.get());
                }
                session.closeNow();
                return;
            }
            session.setAttribute(PENDING, Boolean.TRUE);
            next.sessionCreated(session);
        }

        @Override
        public void sessionOpened(NextFilter next, IoSession session) throws Exception {
            if (!session.isClosing()) {
                next.sessionOpened(session);
            }
        }

        @Override
        public void sessionClosed(NextFilter next, IoSession session) throws Exception {
            done(session);
            next.sessionClosed(session);
        }
    }

    private final class Exit extends IoFilterAdapter {
        @Override
        public void event(NextFilter next, IoSession session, FilterEvent event) throws Exception {
            if (event == SslEvent.SECURED) {
                done(session);
            }
            next.event(session, event);
        }
    }
}
