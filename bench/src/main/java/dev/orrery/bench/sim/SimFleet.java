package dev.orrery.bench.sim;

import dev.orrery.protocol.Frames;
import dev.orrery.protocol.OrreryProtocol;
import dev.orrery.tls.TlsContexts;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.mina.core.future.ConnectFuture;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioSocketConnector;

/**
 * The simulated agents of one process and what they share: one MINA connector (a few I/O
 * threads for every connection), one timer thread for retries, heartbeats and resends, and the
 * counters. Thread-safe.
 */
final class SimFleet implements AutoCloseable {
    /** Session attribute: the {@link SimAgent} of a channel session, or the {@link Registration} of a registration. */
    static final String OWNER = SimFleet.class.getName() + ".owner";
    /** Session attribute: the {@link HandshakeSlots.Slot} a TLS session holds until its handshake finished. */
    static final String SLOT = SimFleet.class.getName() + ".slot";

    final SimStats stats = new SimStats();
    private final SimConfig config;
    private final NioSocketConnector connector;
    private final ScheduledExecutorService timer;
    private final SimAgent[] agents;
    private final Map<List<String>, List<InetSocketAddress>> channelLists = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private final SimTls tls;
    private final HandshakeSlots slots = new HandshakeSlots(SimConfig.MAX_HANDSHAKES, r -> later(r, 0));

    SimFleet(SimConfig config) {
        this(config, null);
    }

    /** @param config the settings @param tls TLS with enrollment, {@code null} for plain text */
    SimFleet(SimConfig config, SimTls tls) {
        this.tls = tls;
        this.config = config;
        this.connector = new NioSocketConnector(config.ioThreads());
        connector.setConnectTimeoutMillis(SimConfig.CONNECT_TIMEOUT_MILLIS);
        connector.getSessionConfig().setTcpNoDelay(true);
        OrreryProtocol.install(connector.getFilterChain(), Frames.DEFAULT_MAX_PAYLOAD);
        connector.setHandler(new SimHandler(config));
        AtomicInteger n = new AtomicInteger();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-timer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.agents = new SimAgent[config.count()];
        for (int i = 0; i < agents.length; i++) {
            int index = config.first() + i;
            agents[i] = new SimAgent(AddressPlan.hostId(index),
                    new InetSocketAddress(AddressPlan.sourceOf(index, config.perAddress()), 0), this);
        }
    }

    /** Starts every agent (at the configured rate) and the once-a-second sweep. Returns at once. */
    void start() {
        for (int i = 0; i < agents.length; i++) {
            long delay = config.ratePerSecond() == 0 ? 0 : i * 1000L / config.ratePerSecond();
            later(agents[i]::register, delay);
        }
        timer.scheduleAtFixedRate(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    private void sweep() {
        long now = System.currentTimeMillis();
        for (SimAgent a : agents) {
            a.tick(now);
        }
    }

    /** Opens a registration session for the agent; a failure reaches it as {@code registrationFailed}. */
    void register(SimAgent agent) {
        if (tls != null && agent.tls() == null) {
            Enrolling e = new Enrolling(agent, tls);
            connect(config.center(), agent.local, e, e::failed, tls.enrollment(),
                    () -> later(e::failed, SimConfig.REGISTER_TIMEOUT_MILLIS));
            return;
        }
        Registration r = new Registration(agent);
        // the timeout runs from the connect (a slot's wait excluded); no effect once welcomed
        connect(config.center(), agent.local, r, r::failed, agent.tls(), () -> later(r::failed, SimConfig.REGISTER_TIMEOUT_MILLIS));
    }

    /** Opens a channel session for the agent; a failed connect reaches it as {@code connectFailed}. */
    void connectChannel(SimAgent agent, InetSocketAddress channel) {
        connect(channel, agent.local, agent, agent::connectFailed, agent.tls(), () -> { });
    }

    /** Connects now (plain text) or once a handshake slot is free (TLS); {@code onStarted} runs once the connect is issued. */
    private void connect(InetSocketAddress remote, InetSocketAddress local, Object owner, Runnable onFailure,
            javax.net.ssl.SSLContext context, Runnable onStarted) {
        if (context == null) {
            start(remote, local, owner, onFailure, null, null, onStarted);
        } else {
            slots.acquire(() -> start(remote, local, owner, onFailure, context, slots.slot(), onStarted), !(owner instanceof Enrolling));
        }
    }

    private void start(InetSocketAddress remote, InetSocketAddress local, Object owner, Runnable onFailure,
            javax.net.ssl.SSLContext context, HandshakeSlots.Slot slot, Runnable onStarted) {
        if (closed) {
            return;
        }
        ConnectFuture f;
        try {
            f = connector.connect(remote, local, (session, future) -> {
                session.setAttribute(OWNER, owner);
                if (context != null) { // each agent its own certificate: a TLS filter per session, first in its chain
                    session.setAttribute(SLOT, slot);
                    session.getFilterChain().addFirst(TlsContexts.FILTER, TlsContexts.sessionClientFilter(context));
                }
            });
        } catch (RuntimeException e) { // disposed while stopping
            return;
        }
        onStarted.run();
        f.addListener(done -> {
            if (!((ConnectFuture) done).isConnected()) {
                if (slot != null) {
                    slot.release();
                }
                later(onFailure, 0);
            }
        });
    }

    /** Gives back the handshake slot of a session: its handshake finished, or it closed. */
    static void releaseSlot(IoSession session) {
        if (session.getAttribute(SLOT) instanceof HandshakeSlots.Slot slot) {
            slot.release();
        }
    }

    /** Runs {@code r} on the timer thread after {@code delayMillis}; nothing once the fleet is closed. */
    void later(Runnable r, long delayMillis) {
        if (closed) {
            return;
        }
        try {
            timer.schedule(r, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /** @return the channel list parsed once and shared by every agent handed the same list */
    List<InetSocketAddress> channels(List<String> addresses) {
        return channelLists.computeIfAbsent(List.copyOf(addresses), SimFleet::parse);
    }

    static List<InetSocketAddress> parse(List<String> addresses) {
        return addresses.stream().map(a -> {
            int colon = a.lastIndexOf(':');
            if (colon <= 0) {
                return null;
            }
            try {
                return new InetSocketAddress(a.substring(0, colon), Integer.parseInt(a.substring(colon + 1)));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }).filter(java.util.Objects::nonNull).toList();
    }

    /** Stops retrying, closes every session and the connector. */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        for (SimAgent a : agents) {
            a.close();
        }
        connector.dispose(true);
    }
}
