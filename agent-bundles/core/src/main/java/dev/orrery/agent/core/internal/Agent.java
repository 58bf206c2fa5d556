package dev.orrery.agent.core.internal;

import dev.orrery.agent.api.HostIdentity;
import dev.orrery.protocol.Backoff;
import dev.orrery.protocol.Message.Hello;
import dev.orrery.protocol.Message.Redirect;
import dev.orrery.protocol.Message.Register;
import dev.orrery.protocol.Message.Role;
import dev.orrery.protocol.Message.Welcome;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's link: registers with the center, connects to a random channel of the welcome,
 * and on any loss reconnects with jittered backoff to another channel, re-registering once
 * every channel of the list failed. Every state change runs on one timer thread, in order;
 * MINA callbacks only post to it. Plain Java: no OSGi needed.
 */
final class Agent implements ChannelConnection.Listener {
    /** Rounds over a failing channel list before the agent registers again for a fresh one. */
    static final int ROUNDS_BEFORE_REGISTERING = 3;
    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
    private static final long CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final long REGISTER_TIMEOUT_MILLIS = 15_000;

    private final AgentSettings settings;
    private final HostIdentity identity;
    private final LinkTimer timer = new LinkTimer();
    private final Connector connector;
    private final Registrar registrar;
    private final AgentCore core;
    private final Backoff backoff;
    /** Times in a row the whole channel list failed; touched on the timer thread only. */
    private int exhaustedRounds;
    private final ChannelUplink uplink = new ChannelUplink();
    // timer thread only
    private List<HostPort> channels = List.of();
    private final Deque<HostPort> untried = new ArrayDeque<>();
    private String hostId;
    private int heartbeatSeconds;

    /**
     * @param settings validated settings
     * @param identity who this host is
     * @param handlers the task handler whiteboard
     * @throws IOException if the data folder cannot be opened
     */
    Agent(AgentSettings settings, HostIdentity identity, HandlerRegistry handlers) throws IOException {
        this(settings, TaskTrust.Settings.defaults(settings.dataDir()), identity, handlers);
    }

    /** Without TLS, with the default hooks. */
    Agent(AgentSettings settings, TaskTrust.Settings trust, HostIdentity identity, HandlerRegistry handlers) throws IOException {
        this(settings, trust, identity, handlers, AgentTls.OFF, AgentCore.Hooks.defaults());
    }

    /**
     * @param settings validated settings
     * @param trust how tasks are verified (signed tasks required, the pinned center key)
     * @param identity who this host is
     * @param handlers the task handler whiteboard
     * @param tls mutual TLS on every link, and how to enroll
     * @param hooks the status sources and how the watchdog measures usage
     * @throws IOException if the data folder cannot be opened
     */
    Agent(AgentSettings settings, TaskTrust.Settings trust, HostIdentity identity, HandlerRegistry handlers, AgentTls tls,
            AgentCore.Hooks hooks) throws IOException {
        this.settings = settings;
        this.identity = identity;
        this.connector = new Connector(settings.maxFrameBytes(), CONNECT_TIMEOUT_MILLIS, settings.localAddress());
        this.registrar = new Registrar(connector, REGISTER_TIMEOUT_MILLIS, tls, settings.maxFrameBytes());
        this.core = new AgentCore(settings, handlers, uplink,
                new TaskTrust(trust, identity.hostId(), settings.ledgerRetentionMillis()), identity.hostId(), hooks);
        uplink.onAttach(core::connected);
        this.backoff = new Backoff(settings.reconnectMinMillis(), settings.reconnectMaxMillis(), new Random());
        this.hostId = identity.hostId();
        this.heartbeatSeconds = settings.heartbeatSeconds();
    }

    /** Resumes the tasks a previous run left in flight, and starts registering; returns at once. */
    void start() {
        core.start();
        timer.post(this::register, 0);
    }

    /**
     * Stops as a {@code kill -9} would, on purpose: running tasks are not cancelled and their late
     * outcomes not kept; the next start over the same data folder resumes them (a bundle update
     * therefore does not kill running commands). Then closes every connection.
     */
    void stop() {
        timer.halt();
        core.close();
        timer.close();
        uplink.current().ifPresent(ChannelConnection::close);
        connector.close();
    }

    /** @return STORED acks that matched no task */
    long unknownAcks() {
        return core.unknownAcks();
    }

    /** @return the tasks, the data channel, the watchdog and the status behind the link */
    AgentCore core() {
        return core;
    }

    /** @return the open connection to a channel, if any */
    Optional<ChannelConnection> connection() {
        return uplink.current();
    }

    private void register() {
        HostPort center = new HostPort(settings.centerHost(), settings.centerPort());
        Register r = new Register(settings.enrollmentToken(), identity.hostId(), identity.hostname(), identity.ips(),
                identity.sn(), identity.idc(), identity.groups(), settings.agentVersion());
        registrar.register(center, r).whenComplete((w, e) -> timer.post(() -> welcomed(center, w, e), 0));
    }

    private void welcomed(HostPort center, Welcome w, Throwable error) {
        List<HostPort> offered = w == null ? List.of() : parseAll(w.channels());
        if (error != null || offered.isEmpty()) {
            long delay = backoff.next();
            LOG.warn("Registration with center {} failed: {}; retrying in {} ms", center,
                    error != null ? describe(error) : "no usable channel offered " + w.channels(), delay);
            timer.post(this::register, delay);
            return;
        }
        hostId = w.hostId() == null || w.hostId().isBlank() ? identity.hostId() : w.hostId();
        heartbeatSeconds = w.heartbeatSeconds() > 0 ? w.heartbeatSeconds() : settings.heartbeatSeconds();
        channels = offered;
        core.welcomed(hostId, w.taskKey());
        LOG.info("Registered with center {} as {}; channels {}", center, hostId, channels);
        retry(channels, null);
        connectNext();
    }

    /** Refills the untried list with every channel of {@code list} but {@code failed}, in random order. */
    private void retry(List<HostPort> list, HostPort failed) {
        List<HostPort> order = new ArrayList<>(list);
        order.remove(failed);
        Collections.shuffle(order);
        untried.clear();
        untried.addAll(order);
    }

    private void connectNext() {
        if (untried.isEmpty()) {
            if (++exhaustedRounds >= ROUNDS_BEFORE_REGISTERING) {
                // the list keeps failing: ask the center for a fresh one
                exhaustedRounds = 0;
                register();
                return;
            }
            // every channel of the list failed once (a channel at its admission limit refuses too):
            // go round the list again, with the backoff between attempts, before troubling the center
            retry(channels, null);
        }
        HostPort next = untried.poll();
        Hello hello = new Hello(Role.AGENT, hostId, identity.idc(), "", settings.agentVersion());
        ChannelConnection c = new ChannelConnection(next, hello, heartbeatSeconds, timer, this, core);
        connector.connect(next, c).whenComplete((s, e) -> {
            if (e != null) {
                timer.post(() -> {
                    long delay = backoff.next();
                    LOG.warn("Cannot connect to channel {}: {}; next attempt in {} ms", next, describe(e), delay);
                    timer.post(this::connectNext, delay);
                }, 0);
            }
        });
    }

    @Override
    public void opened(ChannelConnection c) {
        // at once, on the I/O thread (attaching never blocks): a task may arrive right after the
        // Hello, and its acks must not be dropped for want of a current connection
        uplink.attach(c);
        timer.post(() -> LOG.info("Connected to channel {} as {}", c.address(), hostId), 0);
    }

    @Override
    public void established(ChannelConnection c) {
        backoff.reset();
        timer.post(() -> exhaustedRounds = 0, 0);
    }

    @Override
    public void closed(ChannelConnection c) {
        timer.post(() -> {
            if (!uplink.detach(c)) {
                return; // an old connection we left on purpose
            }
            long delay = backoff.next();
            LOG.warn("Lost channel {}; reconnecting in {} ms", c.address(), delay);
            retry(channels, c.address());
            timer.post(this::connectNext, delay);
        }, 0);
    }

    @Override
    public void redirected(ChannelConnection c, Redirect r) {
        timer.post(() -> {
            if (!uplink.detach(c)) {
                return;
            }
            c.close();
            List<HostPort> to = parseAll(r.channels());
            LOG.info("Channel {} redirects to {} ({})", c.address(), to, r.reason());
            // spread the agents a channel sheds at once
            long delay = ThreadLocalRandom.current().nextLong(settings.reconnectMinMillis() + 1);
            if (to.isEmpty()) {
                timer.post(this::register, delay); // no target named: ask the center
                return;
            }
            retry(to, null);
            timer.post(this::connectNext, delay);
        }, 0);
    }

    private static List<HostPort> parseAll(List<String> addresses) {
        return addresses.stream().map(HostPort::parse).flatMap(Optional::stream).toList();
    }

    private static String describe(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
