package dev.orrery.agent.core.internal;

import dev.orrery.protocol.Message.DataRecord;
import dev.orrery.protocol.Message.Records;
import dev.orrery.protocol.Message.RecordsAck;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads the {@link DataSpool} while a channel connection is up: batches in sequence order (at
 * most {@code dataBatchRecords}, 256 KiB of data, {@code MAX_RECORDS}), one in flight; the center's
 * {@link RecordsAck} trims the spool and lets the next go. What is unacknowledged is sent again on
 * each new connection and after {@code dataAckTimeoutSeconds}: the center stores only sequence
 * numbers past its last, so nothing is lost nor stored twice. Over the watchdog's CPU cap, at most one
 * batch a second. Runs on its own thread; the spool is synced there every second. Thread-safe.
 */
final class DataUpload implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DataUpload.class);
    private static final long SLOW_GAP_MILLIS = 1_000;
    private static final long MAX_BATCH_BYTES = 256 * 1024;

    private final DataSpool spool;
    private final ChannelUplink uplink;
    private final Supplier<String> hostId;
    private final Watchdog watchdog;
    private final int batchRecords;
    private final long batchBytes;
    private final long ackTimeoutMillis;
    private final AtomicBoolean woken = new AtomicBoolean();
    private final ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "orrery-agent-data");
        t.setDaemon(true);
        return t;
    });
    // data thread only
    private long sentUpTo;
    private long sentAt;

    /**
     * @param spool the records
     * @param uplink the current channel connection
     * @param hostId the host id the center knows this host by
     * @param watchdog slows the upload over the CPU cap
     * @param limits batch size and ack timeout
     * @param maxFrameBytes the largest frame: a batch stays well below it
     */
    DataUpload(DataSpool spool, ChannelUplink uplink, Supplier<String> hostId, Watchdog watchdog, AgentLimits limits,
            int maxFrameBytes) {
        this.spool = spool;
        this.uplink = uplink;
        this.hostId = hostId;
        this.watchdog = watchdog;
        this.batchRecords = limits.dataBatchRecords();
        this.batchBytes = Math.min(MAX_BATCH_BYTES, maxFrameBytes / 4);
        this.ackTimeoutMillis = limits.dataAckTimeoutSeconds() * 1000L;
    }

    /** Starts the once-a-second sync, timeout and pacing loop. */
    void start() {
        exec.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * @param topic a valid topic
     * @param data the record
     * @throws IllegalArgumentException for an invalid topic
     */
    void publish(String topic, byte[] data) {
        if (spool.append(topic, data, System.currentTimeMillis()) > 0 && woken.compareAndSet(false, true)) {
            post(() -> {
                woken.set(false);
                pump();
            });
        }
    }

    /** A channel connection opened: everything unacknowledged goes again, from the oldest. */
    void connected() {
        post(() -> {
            sentUpTo = 0;
            pump();
        });
    }

    /** @param a the center stored every record up to {@code a.seq()} (called on an I/O thread) */
    void acked(RecordsAck a) {
        post(() -> {
            spool.ack(a.seq());
            pump();
        });
    }

    private void tick() {
        spool.sync();
        if (sentUpTo > spool.acked() && System.currentTimeMillis() - sentAt > ackTimeoutMillis) {
            LOG.debug("No ack for the data records up to {} after {} ms; sending them again", sentUpTo, ackTimeoutMillis);
            sentUpTo = 0;
        }
        pump();
    }

    private void pump() {
        long now = System.currentTimeMillis();
        if (uplink.current().isEmpty() || sentUpTo > spool.acked()
                || (watchdog.cpuOver() && now - sentAt < SLOW_GAP_MILLIS)) {
            return; // not connected, a batch in flight, or slowed: an ack or the tick comes back
        }
        List<DataRecord> batch;
        try {
            batch = spool.read(sentUpTo, batchRecords, batchBytes);
        } catch (IOException e) {
            LOG.warn("Cannot read the data spool: {}", e.toString());
            return;
        }
        if (!batch.isEmpty()) {
            uplink.send(new Records(hostId.get(), batch, spool.stats().dropped()));
            sentUpTo = batch.get(batch.size() - 1).seq();
            sentAt = now;
        }
    }

    private void post(Runnable r) {
        try {
            exec.execute(r);
        } catch (RejectedExecutionException e) {
            // closed: the spool keeps what was not acknowledged
        }
    }

    /** Stops after the current step, without interrupting its file work. */
    @Override
    public void close() {
        exec.shutdown();
    }
}
