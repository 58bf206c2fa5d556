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
    private final Counters counters;

    Outcomes(TaskStore tasks, ChannelGateway gateway, Dispatcher dispatcher, Counters counters) {
        this.tasks = tasks;
        this.gateway = gateway;
        this.dispatcher = dispatcher;
        this.counters = counters;
    }

    /** Records progress; an ack that moves nothing is counted (unknown host task, or stale) and otherwise ignored. */
    void ack(String channelId, Message.Ack ack) {
        boolean moved = switch (ack.kind()) {
            case RECEIVED -> tasks.advance(ack.taskId(), ack.hostId(), HostTaskState.RECEIVED, channelId);
            case RUNNING -> tasks.advance(ack.taskId(), ack.hostId(), HostTaskState.RUNNING, channelId);
            case UNDELIVERABLE -> dispatcher.undeliverable(channelId, ack.taskId(), ack.hostId());
            case STORED -> {
                LOG.debug("Ignoring a STORED ack from channel {}", channelId);
                counters.ignoredAcks.incrementAndGet();
                yield true;
            }
        };
        if (!moved) {
            if (tasks.stateOf(ack.taskId(), ack.hostId()).isEmpty()) {
                counters.ignoredAcks.incrementAndGet();
                LOG.debug("Ignoring a {} ack for unknown host task {}/{} from channel {}", ack.kind(), ack.taskId(), ack.hostId(), channelId);
            } else {
                counters.staleAcks.incrementAndGet();
                LOG.debug("Ignoring a stale {} ack for {}/{}", ack.kind(), ack.taskId(), ack.hostId());
            }
        }
    }

    /**
     * Stores a result, then acknowledges it so the agent drops it from its outbox. A duplicate
     * (already final) is acknowledged again: the agent did not get the first ack. A result for
     * a host task the center never asked for, or with a state that is not final, is counted
     * and acknowledged but never stored. Nothing is acknowledged if the store failed, so the
     * agent sends it again.
     */
    void result(String channelId, Message.Result r) {
        if (!r.state().isFinal()) {
            counters.ignoredResults.incrementAndGet();
            LOG.debug("Ignoring a result with non-final state {} for {}/{}", r.state(), r.taskId(), r.hostId());
        } else if (!tasks.complete(record(channelId, r))) {
            if (tasks.stateOf(r.taskId(), r.hostId()).isEmpty()) {
                counters.ignoredResults.incrementAndGet();
                LOG.debug("Ignoring a result for unknown host task {}/{} from channel {}", r.taskId(), r.hostId(), channelId);
            } else {
                counters.duplicateResults.incrementAndGet();
                LOG.debug("Duplicate result for {}/{}: acknowledged again", r.taskId(), r.hostId());
            }
        } else {
            LOG.debug("Result of task {} on host {}: {} stored", r.taskId(), r.hostId(), r.state());
        }
        gateway.send(channelId, new Message.Ack(r.taskId(), r.hostId(), Message.AckKind.STORED));
    }

    private static HostTaskRecord record(String channelId, Message.Result r) {
        boolean cutOut = r.stdout().length > MAX_OUTPUT_BYTES;
        boolean cutErr = r.stderr().length > MAX_OUTPUT_BYTES;
        return new HostTaskRecord(r.taskId(), r.hostId(), r.state(), r.exitCode() < 0 ? null : r.exitCode(),
                text(r.stdout()), text(r.stderr()), r.truncated() || cutOut || cutErr,
                r.errorCode() == null || r.errorCode().isEmpty() ? null : ErrorCode.parse(r.errorCode()), r.errorMessage(),
                channelId, r.finishedAt());
    }

    /** Decodes output as UTF-8, malformed bytes replaced, cut at {@link #MAX_OUTPUT_BYTES}. */
    static String text(byte[] bytes) {
        byte[] kept = bytes.length > MAX_OUTPUT_BYTES ? Arrays.copyOf(bytes, MAX_OUTPUT_BYTES) : bytes;
        return new String(kept, StandardCharsets.UTF_8);
    }
}
