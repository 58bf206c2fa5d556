package dev.orrery.channel.relay.internal;

import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.Hello;
import dev.orrery.protocol.Message.Report;
import dev.orrery.protocol.Message.Role;
import dev.orrery.protocol.OrreryProtocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLContext;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import dev.orrery.tls.PeerRole;
import dev.orrery.tls.HandshakeGate;
import dev.orrery.tls.TlsContexts;
import dev.orrery.tls.TlsIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running channel: the agent listener, the uplink to the center, the relay between them
 * and the reporter. Plain Java, so tests run it without OSGi; {@link ChannelComponent} only
 * feeds it configuration. Start once, stop once.
 */
final class Channel {
    private static final Logger LOG = LoggerFactory.getLogger(Channel.class);
    /** Accept queue length asked of the kernel (capped by somaxconn): room for a reconnect wave. */
    private static final int BACKLOG = 4096;

    private final ChannelSettings settings;
    private final String version;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "orrery-channel-uplink");
        t.setDaemon(true);
        return t;
    });
    private final InFlight inFlight = new InFlight();
    private final NioSocketAcceptor acceptor = new NioSocketAcceptor();
    private volatile Reporter reporter;
    private final Admission admission;
    private final ChannelTls tls;
    private final Revoked revoked = new Revoked();
    private boolean stopped;
    private AgentSessions agents;
    private Shedder shedder;
    private Uplink uplink;
    private String channelId;
    private int port;

    /** @param settings validated settings @param version this channel's software version, sent in its Hello */
    Channel(ChannelSettings settings, String version) {
        this(settings, version, ChannelTls.OFF);
    }

    /**
     * @param settings validated settings
     * @param version this channel's software version, sent in its Hello
     * @param tls TLS on both links, and how to enroll
     */
    Channel(ChannelSettings settings, String version, ChannelTls tls) {
        this.tls = tls;
        this.settings = settings;
        this.version = version;
        this.admission = new Admission(settings.admitPerSecond(), settings.admitBurst());
    }

    /**
     * Binds the agent port and starts connecting to the center. With TLS and no certificate yet,
     * enrolls at the center first (retrying with backoff on a worker thread), then binds.
     *
     * @throws IOException if the agent port cannot be bound; nothing is left running then
     */
    void start() throws IOException {
        if (!tls.enabled()) {
            start(null, null);
        } else {
            new ChannelEnrollment(settings, tls, scheduler).identity(this::start);
        }
    }

    private synchronized void start(TlsIdentity identity, String tlsId) throws IOException {
        if (stopped) {
            return;
        }
        SSLContext context = identity == null ? null : TlsContexts.of(identity, Set.of(PeerRole.AGENT, PeerRole.CENTER));
        agents = new AgentSessions(this::agentsChanged);
        Uplink[] up = new Uplink[1];
        shedder = new Shedder(agents, h -> !inFlight.busy(h), scheduler, settings.redirectsPerSecond());
        Relay relay = new Relay(agents, inFlight, m -> up[0].send(m), shedder::shed);
        if (context != null) {
            acceptor.getFilterChain().addFirst(TlsContexts.FILTER, TlsContexts.serverFilter(context, true));
            // a reconnect storm must not queue thousands of handshakes behind each other (docs/tls.md)
            new HandshakeGate(HandshakeGate.DEFAULT_MAX_PENDING).install(acceptor.getFilterChain(), TlsContexts.FILTER);
        }
        OrreryProtocol.install(acceptor.getFilterChain(), settings.maxFrameBytes());
        acceptor.setReuseAddress(true);
        acceptor.setBacklog(BACKLOG);
        acceptor.getSessionConfig().setTcpNoDelay(true);
        acceptor.getSessionConfig().setIdleTime(IdleStatus.READER_IDLE, 3 * settings.heartbeatSeconds());
        acceptor.setHandler(new AgentHandler(agents, relay, admission, context != null, revoked));
        try {
            acceptor.bind(new InetSocketAddress(settings.listenHost(), settings.port()));
        } catch (IOException | RuntimeException e) {
            acceptor.dispose(true);
            scheduler.shutdownNow();
            throw new IOException("dev.orrery.channel: cannot listen for agents on " + settings.listenHost() + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
        port = acceptor.getLocalAddress().getPort();
        channelId = tlsId != null ? tlsId : settings.resolvedChannelId(port);
        Hello hello = new Hello(Role.CHANNEL, channelId, settings.idc(), settings.resolvedAdvertisedAddress(port), version);
        reporter = new Reporter(scheduler, this::report, m -> up[0].send(m));
        AgentSessions sessions = agents;
        up[0] = new Uplink(settings, hello, scheduler, m -> {
            if (m instanceof Message.Revocations r) {
                revoked.apply(r, sessions);
            } else {
                relay.fromCenter(m);
            }
        }, reporter::reportNow, context);
        uplink = up[0];
        reporter.start(settings.reportIntervalSeconds());
        uplink.start(settings.heartbeatSeconds());
        shedder.start();
        LOG.info("Channel {} listening for agents on {}:{} ({}), uplink to {}:{}", channelId, settings.listenHost(), port,
                context != null ? "mutual TLS" : "plain text", settings.centerHost(), settings.centerPort());
    }

    /** Closes every agent session and the uplink, and stops every thread it started. */
    void stop() {
        synchronized (this) {
            stopped = true;
        }
        if (uplink != null) {
            uplink.stop();
        }
        acceptor.unbind(); // closes every agent session
        acceptor.dispose(true);
        scheduler.shutdownNow();
        LOG.info("Channel {} stopped", channelId);
    }

    /** @return the agent port actually bound */
    int port() {
        return port;
    }

    /** @return the id this channel announces */
    String channelId() {
        return channelId;
    }

    /** @return the admission of new agent sessions, with its counters */
    Admission admission() {
        return admission;
    }

    /** @return agents asked to move to another channel since start */
    long redirected() {
        return shedder == null ? 0 : shedder.redirected();
    }

    /** @return agents connected now */
    int agentCount() {
        return agents == null ? 0 : agents.size();
    }

    /** @return whether the uplink to the center is up */
    boolean connectedToCenter() {
        return uplink != null && uplink.isConnected();
    }

    private Report report() {
        return new Report(channelId, agents.hostIds(), inFlight.count());
    }

    private void agentsChanged() {
        Reporter r = reporter;
        if (r != null) {
            r.requestReport();
        }
    }
}
