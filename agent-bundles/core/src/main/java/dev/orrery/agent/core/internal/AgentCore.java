package dev.orrery.agent.core.internal;

import dev.orrery.protocol.Message.Ack;
import dev.orrery.protocol.Message.Cancel;
import dev.orrery.protocol.Message.RecordsAck;
import dev.orrery.protocol.Message.Task;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What runs behind the link: the {@link Tasks} (gated by the {@link Watchdog}), the data channel
 * ({@link DataSpool} under {@code <dataDir>/data} and its {@link DataUpload}) and the
 * {@link StatusReporter}; the watchdog and the status run on one monitor thread. What the channel
 * connection hands its messages to. Thread-safe.
 */
final class AgentCore implements AutoCloseable {
    /**
     * What the agent takes from outside, injectable in tests.
     *
     * @param sources the {@code StatusSource} whiteboard
     * @param probe how the watchdog measures the process
     */
    record Hooks(StatusSources sources, Usage.Probe probe) {
        /** @return no status source yet, measuring this JVM */
        static Hooks defaults() {
            return new Hooks(new StatusSources(), new JvmUsage());
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(AgentCore.class);

    private final AgentSettings settings;
    private final ChannelUplink uplink;
    private final Watchdog watchdog;
    private final Tasks tasks;
    private final DataSpool spool;
    private final DataUpload upload;
    private final StatusReporter reporter;
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "orrery-agent-monitor");
        t.setDaemon(true);
        return t;
    });
    /** An early status read is queued on the monitor and has not started: further requests join it. */
    private final AtomicBoolean statusPending = new AtomicBoolean();
    private volatile String hostId;

    /**
     * Opens the data folder; nothing runs until {@link #start()}.
     *
     * @param settings validated settings
     * @param handlers the task handler whiteboard
     * @param uplink the current channel connection
     * @param trust decides whether a new task may run
     * @param hostId the host id until the center names one
     * @param hooks the status sources and the usage probe
     * @throws IOException if the data folder cannot be opened
     */
    AgentCore(AgentSettings settings, HandlerRegistry handlers, ChannelUplink uplink, TaskTrust trust, String hostId,
            Hooks hooks) throws IOException {
        this.settings = settings;
        this.uplink = uplink;
        this.hostId = hostId;
        AgentLimits limits = settings.limits();
        this.watchdog = new Watchdog(limits, hooks.probe());
        this.tasks = new Tasks(settings, handlers, uplink, trust, watchdog);
        this.spool = new DataSpool(settings.dataDir().resolve("data"), limits);
        this.upload = new DataUpload(spool, uplink, this::hostId, watchdog, limits, settings.maxFrameBytes());
        this.reporter = new StatusReporter(hooks.sources(), uplink, this::hostId, this::agentSection,
                limits.statusFullSeconds());
    }

    /** Resumes what a previous run left, starts the uploads, the watchdog and the status. */
    void start() {
        tasks.start();
        upload.start();
        AgentLimits limits = settings.limits();
        monitor.scheduleAtFixedRate(safely(watchdog::sample), 0, limits.watchdogIntervalSeconds(), TimeUnit.SECONDS);
        monitor.scheduleWithFixedDelay(safely(reporter::tick), limits.statusSeconds(), limits.statusSeconds(),
                TimeUnit.SECONDS);
    }

    /** @param id the host id the center recorded @param taskKey its task-signing key, empty if none */
    void welcomed(String id, byte[] taskKey) {
        hostId = id;
        tasks.welcomed(id, taskKey);
    }

    /** A channel connection opened, its Hello sent (I/O thread): results, records and every status section go. */
    void connected() {
        tasks.connected();
        upload.connected();
        try {
            monitor.execute(safely(reporter::connected));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopping
        }
    }

    /**
     * Something a status source reports changed: reads the sources and sends the changed sections
     * soon, on the monitor thread. A burst of calls queues at most one read (coalesced); never blocks.
     */
    void statusChanged() {
        if (!statusPending.compareAndSet(false, true)) {
            return;
        }
        try {
            monitor.execute(safely(() -> {
                statusPending.set(false); // a change from now on queues the next read
                reporter.tick();
            }));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            statusPending.set(false); // stopping
        }
    }

    void onTask(Task t) {
        tasks.onTask(t);
    }

    void onCancel(Cancel c) {
        tasks.onCancel(c);
    }

    void onAck(Ack a) {
        tasks.onAck(a);
    }

    /** @param a the center stored this host's records up to a sequence number (I/O thread) */
    void onRecordsAck(RecordsAck a) {
        if (a.hostId().equals(hostId)) {
            upload.acked(a);
        }
    }

    /** @param topic a valid topic @param data a record: spooled, uploaded when connected */
    void publish(String topic, byte[] data) {
        upload.publish(topic, data);
    }

    /** @return STORED acks that matched no task */
    long unknownAcks() {
        return tasks.unknownAcks();
    }

    /** @return the watchdog (tests) */
    Watchdog watchdog() {
        return watchdog;
    }

    /** @return the spool (tests) */
    DataSpool spool() {
        return spool;
    }

    private String hostId() {
        return hostId;
    }

    private AgentSection agentSection() {
        Optional<ChannelConnection> c = uplink.current();
        return new AgentSection(Objects.toString(settings.agentVersion(), ""), c.map(x -> x.address().toString()).orElse(""),
                c.map(ChannelConnection::localIp).orElse(""), tasks.running(), watchdog.state(), spool.stats());
    }

    private static Runnable safely(Runnable r) {
        return () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("Agent monitor task failed", e);
            }
        };
    }

    /** Stops as {@link Tasks#close()} does; what the spool holds is uploaded after the restart. */
    @Override
    public void close() {
        monitor.shutdownNow();
        upload.close();
        tasks.close();
        spool.close();
    }
}
