package dev.orrery.center.proxy.internal;

import dev.orrery.protocol.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: acks and results are queued as they arrive, and one thread hands the store
 * everything that arrived while the previous batch was being written (up to a count, and about
 * {@value #MAX_BATCH_BYTES} bytes of output), one batch at a time. One thread and one queue keep
 * the arrival order, so the acks and the result of one host task are recorded in that order.
 * Never blocks the caller (MINA I/O threads).
 */
final class GroupCommit {
    static final int MAX_BATCH_BYTES = 16 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final long POLL_MILLIS = 200;

    private final LinkedBlockingQueue<Outcomes.Report> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final Consumer<List<Outcomes.Report>> writer;
    private final int maxBatch;
    private final Thread thread;
    private volatile boolean stopping;

    /**
     * @param maxBatch most reports per batch
     * @param writer writes one batch (and acknowledges what it stored)
     */
    GroupCommit(int maxBatch, Consumer<List<Outcomes.Report>> writer) {
        this.maxBatch = maxBatch;
        this.writer = writer;
        this.thread = new Thread(this::run, "orrery-proxy-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues an ack or a result that just arrived through a channel. */
    void add(String channelId, Message message) {
        if (stopping) {
            LOG.warn("Proxy stopping; dropped a {} from channel {} (the agent sends it again)", message.getClass().getSimpleName(),
                    channelId);
            return;
        }
        pending.incrementAndGet();
        queue.add(new Outcomes.Report(channelId, message, System.currentTimeMillis()));
    }

    /** @return reports queued or being written */
    int backlog() {
        return pending.get();
    }

    /** Writes what is queued (for up to 5 s), then stops. */
    void close() {
        stopping = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("Proxy recorder did not finish within 5 s; {} reports left (agents send them again)", queue.size());
            thread.interrupt();
        }
    }

    private void run() {
        List<Outcomes.Report> batch = new ArrayList<>();
        while (!stopping || !queue.isEmpty()) {
            try {
                Outcomes.Report first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long bytes = size(first);
                while (batch.size() < maxBatch && bytes < MAX_BATCH_BYTES) {
                    Outcomes.Report next = queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    bytes += size(next);
                }
                writer.accept(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Recording {} acks and results failed: {}", batch.size(), e.toString(), e);
            } finally {
                pending.addAndGet(-batch.size());
                batch.clear();
            }
        }
    }

    private static long size(Outcomes.Report r) {
        return r.message() instanceof Message.Result res ? 64L + res.stdout().length + res.stderr().length : 64L;
    }
}
