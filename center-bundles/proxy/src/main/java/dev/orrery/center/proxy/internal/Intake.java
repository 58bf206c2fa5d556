package dev.orrery.center.proxy.internal;

import dev.orrery.center.link.ChannelGateway;
import dev.orrery.protocol.Message;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where acks and results from the channels enter the proxy: queued for the recorder
 * ({@link GroupCommit}). A result that arrives while the recorder is more than
 * {@value #QUEUED_AFTER_MILLIS} ms behind is answered {@code Ack QUEUED} at once, so its agent
 * waits for the {@code Ack STORED} instead of sending the result again: without it, every agent of
 * a large fan-out resent its result while the center was busiest. Never blocks (MINA I/O threads).
 */
final class Intake {
    /** How far behind the recorder must be before results are answered QUEUED. */
    static final long QUEUED_AFTER_MILLIS = 1000;
    /** A batch of acks and results takes no more once their output reaches this many bytes. */
    private static final long BATCH_BYTES = 16 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);

    private final GroupCommit<Outcomes.Report> recorder;
    private final ChannelGateway gateway;
    private final Counters counters;

    /**
     * @param batch most reports written in one transaction
     * @param writer writes one batch
     */
    Intake(int batch, Consumer<List<Outcomes.Report>> writer, ChannelGateway gateway, Counters counters) {
        this.recorder = new GroupCommit<>("recorder", batch, BATCH_BYTES, Outcomes.Report::size, writer);
        this.gateway = gateway;
        this.counters = counters;
    }

    /** Queues an ack or a result that arrived through a channel. */
    void add(String channelId, Message message) {
        long now = System.currentTimeMillis();
        if (message instanceof Message.Result r && recordedUpTo(now) < now - QUEUED_AFTER_MILLIS
                && gateway.send(channelId, new Message.Ack(r.taskId(), r.hostId(), Message.AckKind.QUEUED))) {
            counters.queuedAcks.incrementAndGet();
        }
        if (!recorder.add(new Outcomes.Report(channelId, message, now))) {
            LOG.warn("Proxy stopping; dropped a {} from channel {} (the agent sends it again)", message.getClass().getSimpleName(),
                    channelId);
        }
    }

    /**
     * @param now the time now
     * @return the arrival time of the oldest report not yet recorded, or {@code now} if none waits:
     *     everything that arrived before it is stored
     */
    long recordedUpTo(long now) {
        return recorder.oldest().map(Outcomes.Report::at).map(at -> Math.min(at, now)).orElse(now);
    }

    /** @return reports queued or being written */
    int backlog() {
        return recorder.backlog();
    }

    /** Writes what is queued (for up to 5 s), then stops. */
    void close() {
        List<Outcomes.Report> left = recorder.close();
        if (!left.isEmpty()) {
            LOG.warn("Proxy stopped with {} acks and results not recorded (agents send results again)", left.size());
        }
    }
}
