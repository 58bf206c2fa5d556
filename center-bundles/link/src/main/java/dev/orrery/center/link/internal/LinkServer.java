package dev.orrery.center.link.internal;

import dev.orrery.center.link.LinkListener;
import dev.orrery.center.link.TaskSigningKey;
import dev.orrery.center.pki.CertificateAuthority;
import dev.orrery.center.pki.Enrollment;
import dev.orrery.center.pki.Revocations;
import dev.orrery.center.store.DataStore;
import dev.orrery.center.store.HostStore;
import dev.orrery.protocol.Message;
import dev.orrery.tls.HandshakeGate;
import dev.orrery.tls.TlsContexts;
import dev.orrery.protocol.OrreryProtocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The center's MINA acceptor for agents (registration) and channels (long links). Connected
 * channels are kept in the {@link ChannelRegistry}, which serves them as the gateway. Binds in
 * its constructor, unbinds in {@link #close()}.
 */
@Component(service = {}, immediate = true, configurationPid = LinkConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = LinkConfig.class)
public final class LinkServer {
    /** Pending connections the kernel queues before accept (capped by net.core.somaxconn). */
    private static final int BACKLOG = 4096;
    private static final int CORES = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Enrollments waiting for a worker; the handshake gate already bounds how fast they come. */
    private static final int ENROLL_QUEUE = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(LinkServer.class);

    private final ChannelRegistry registry;
    private final Listeners listeners = new Listeners();
    private final CenterHandler handler;
    private final ExecutorService presence;
    private final ScheduledExecutorService balancing;
    private final NioSocketAcceptor acceptor;
    /** Enrollments (a certificate signed each) on every core, a bounded queue: over it the session is closed and retries. */
    private final ExecutorService enrolling = new ThreadPoolExecutor(CORES, CORES, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(ENROLL_QUEUE), threads("orrery-link-enroll"));
    private final Runnable unlisten;
    private final TaskKeyHolder taskKey;

    /**
     * @param config the component configuration
     * @param store where hosts are recorded
     * @param registry the connected channels
     */
    @Activate
    public LinkServer(LinkConfig config, @Reference(name = "hostStore") HostStore store,
            @Reference(name = "registry") ChannelRegistry registry,
            @Reference(name = "ca") CertificateAuthority ca, @Reference(name = "enrollment") Enrollment enrollment,
            @Reference(name = "revocations") Revocations revocations, @Reference(name = "dataStore") DataStore data) {
        this(LinkSettings.from(config), store, data, registry, TaskKeyHolder.awaiting(),
                config.tls() ? LinkSecurity.of(ca, enrollment, revocations) : null);
    }

    /**
     * Binds the acceptor; welcomes carry no task-signing key (tests of the link alone).
     *
     * @param settings validated settings
     * @param store where hosts are recorded
     * @param registry the connected channels
     */
    public LinkServer(LinkSettings settings, HostStore store, ChannelRegistry registry) {
        this(settings, store, registry, null);
    }

    /**
     * Binds the acceptor.
     *
     * @param settings validated settings
     * @param store where hosts are recorded
     * @param registry the connected channels
     * @param taskKey the center's task-signing public key told to agents, {@code null} for none
     * @throws UncheckedIOException if the port cannot be bound
     */
    public LinkServer(LinkSettings settings, HostStore store, ChannelRegistry registry, byte[] taskKey) {
        this(settings, store, null, registry, TaskKeyHolder.fixed(taskKey), null);
    }

    /**
     * Binds the acceptor, with TLS when {@code security} is given.
     *
     * @param settings validated settings
     * @param store where hosts and their status are recorded
     * @param data where data channel records are stored, {@code null} to drop them
     * @param registry the connected channels
     * @param taskKey the center's task-signing public key told to agents, {@code null} for none
     * @param security TLS, enrollment and revocation, {@code null} for a plain-text link
     * @throws UncheckedIOException if the port cannot be bound
     */
    LinkServer(LinkSettings settings, HostStore store, DataStore data, ChannelRegistry registry, TaskKeyHolder taskKey,
            LinkSecurity security) {
        Objects.requireNonNull(store, "store");
        this.taskKey = taskKey == null ? TaskKeyHolder.fixed(null) : taskKey;
        this.registry = Objects.requireNonNull(registry, "registry");
        presence = Executors.newSingleThreadExecutor(threads("orrery-link-presence"));
        balancing = Executors.newSingleThreadScheduledExecutor(threads("orrery-link-balancer"));
        HostIdcs idcs = new HostIdcs(store);
        acceptor = new NioSocketAcceptor(Math.max(1, Runtime.getRuntime().availableProcessors()));
        acceptor.setReuseAddress(true);
        // every agent registers here: after a center or datacenter restart thousands connect in the
        // same second, and MINA's default backlog (50) would drop their SYNs into a 1 s, 3 s, ... retry
        acceptor.setBacklog(BACKLOG);
        acceptor.setCloseOnDeactivation(true);
        SessionCap cap = SessionCap.ofOpenFileLimit();
        acceptor.getFilterChain().addFirst("cap", cap);
        if (security != null) {
            acceptor.getFilterChain().addAfter("cap", TlsContexts.FILTER, TlsContexts.serverFilter(security.context(), false));
            // a registration storm must not queue thousands of handshakes behind each other (docs/tls.md)
            new HandshakeGate(HandshakeGate.DEFAULT_MAX_PENDING).install(acceptor.getFilterChain(), TlsContexts.FILTER);
            unlisten = security.revocations().onChange((hostId, revoked) -> registry.broadcast(
                    new Message.Revocations(false, revoked ? List.of(hostId) : List.of(), revoked ? List.of() : List.of(hostId))));
        } else {
            unlisten = () -> { };
        }
        OrreryProtocol.install(acceptor.getFilterChain(), settings.maxFrameBytes());
        handler = new CenterHandler(store, registry, listeners, presence,
                new Registrations(store, registry, idcs, settings, this.taskKey), new AgentReports(store, data, settings),
                this.taskKey, security, enrolling);
        acceptor.setHandler(handler);
        acceptor.getSessionConfig().setIdleTime(IdleStatus.READER_IDLE, 3 * settings.heartbeatSeconds());
        acceptor.getSessionConfig().setIdleTime(IdleStatus.WRITER_IDLE, settings.heartbeatSeconds());
        acceptor.getSessionConfig().setTcpNoDelay(true);
        try {
            acceptor.bind(new InetSocketAddress(settings.listenHost(), settings.port()));
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot listen on " + settings.listenHost() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        LOG.info("Center link listening on {} (at most {} connections at once)", acceptor.getLocalAddress(), cap.max());
        int every = settings.balanceIntervalSeconds();
        if (every > 0) {
            Balancer balancer = new Balancer(registry, idcs, registry::send, settings);
            balancing.scheduleWithFixedDelay(balancer::runSafely, every, every, TimeUnit.SECONDS);
        }
    }

    /** @return the bound port (useful when configured with port 0) */
    public int port() {
        return acceptor.getLocalAddress().getPort();
    }

    /** @param key the center's task-signing key (the proxy provides it); registrations wait for it */
    @Reference(name = "taskKey", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            unbind = "unsetTaskKey")
    public void setTaskKey(TaskSigningKey key) {
        taskKey.bind(key);
    }

    /** @param key the task-signing key going away */
    public void unsetTaskKey(TaskSigningKey key) {
        taskKey.unbind(key);
    }

    /** @param listener a whiteboard listener */
    @Reference(name = "listener", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addListener(LinkListener listener) {
        listeners.add(listener);
    }

    /** @param listener a listener going away */
    public void removeListener(LinkListener listener) {
        listeners.remove(listener);
    }

    /** Unbinds, closes every session (their channels' hosts go offline), then stops the workers. */
    @Deactivate
    public void close() {
        acceptor.unbind();
        for (IoSession s : acceptor.getManagedSessions().values()) {
            s.closeNow();
        }
        acceptor.dispose(true);
        balancing.shutdownNow();
        enrolling.shutdownNow();
        unlisten.run();
        presence.shutdown();
        handler.close();
        try {
            if (!presence.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Center link workers did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        presence.shutdownNow();
        LOG.info("Center link stopped");
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
