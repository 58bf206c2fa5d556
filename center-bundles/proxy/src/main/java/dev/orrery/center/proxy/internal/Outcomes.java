package dev.orrery.center.proxy.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.center.link.ChannelGateway;
import dev.orrery.center.store.HostTaskRecord;
import dev.orrery.center.store.TaskStore;
import dev.orrery.protocol.Message;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records what agents report: progress acks and final results. Thread-safe; call it off the I/O threads. */
final class Outcomes {
    /** Largest stdout or stderr kept per host, in bytes. */
    static final int MAX_OUTPUT_BYTES = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(Outcomes.class);

    private final TaskStore tasks;
    private final ChannelGateway gateway;
    private final Dispatcher dispatcher;

    Outcomes(TaskStore tasks, ChannelGateway gateway, Dispatcher dispatcher) {
        this.tasks = tasks;
        this.gateway = gateway;
        this.dispatcher = dispatcher;
    }

    void ack(String channelId, Message.Ack ack) {
        switch (ack.kind()) {
            case RECEIVED -> tasks.advance(ack.taskId(), ack.hostId(), HostTaskState.RECEIVED, channelId);
            case RUNNING -> tasks.advance(ack.taskId(), ack.hostId(), HostTaskState.RUNNING, channelId);
            case UNDELIVERABLE -> dispatcher.undeliverable(channelId, ack.taskId(), ack.hostId());
            case STORED -> LOG.debug("Ignoring a STORED ack from channel {}", channelId);
        }
    }

    /**
     * Stores a result, then acknowledges it so the agent drops it from its outbox. A duplicate
     * (already final) is acknowledged again: the agent did not get the first ack. Nothing is
     * acknowledged if the store failed, so the agent sends it again.
     */
    void result(String channelId, Message.Result r) {
        boolean cutOut = r.stdout().length > MAX_OUTPUT_BYTES;
        boolean cutErr = r.stderr().length > MAX_OUTPUT_BYTES;
        HostTaskRecord record = new HostTaskRecord(r.taskId(), r.hostId(), r.state(), r.exitCode() < 0 ? null : r.exitCode(),
                text(r.stdout()), text(r.stderr()), r.truncated() || cutOut || cutErr,
                r.errorCode() == null || r.errorCode().isEmpty() ? null : ErrorCode.parse(r.errorCode()), r.errorMessage(),
                channelId, r.finishedAt());
        boolean recorded = tasks.complete(record);
        LOG.debug("Result of task {} on host {}: {} ({})", r.taskId(), r.hostId(), r.state(), recorded ? "stored" : "duplicate");
        gateway.send(channelId, new Message.Ack(r.taskId(), r.hostId(), Message.AckKind.STORED));
    }

    /** Decodes output as UTF-8, malformed bytes replaced, cut at {@link #MAX_OUTPUT_BYTES}. */
    static String text(byte[] bytes) {
        byte[] kept = bytes.length > MAX_OUTPUT_BYTES ? Arrays.copyOf(bytes, MAX_OUTPUT_BYTES) : bytes;
        return new String(kept, StandardCharsets.UTF_8);
    }
}
