package dev.orrery.center.link;

import dev.orrery.protocol.Message;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard: register a service of this type to hear what channels send up. Every method is
 * called on a thread of the link (a MINA I/O thread for acks and results): implementations
 * must return quickly and never block or do store I/O inline; hand the work to an executor.
 * An exception thrown by a listener is logged and does not affect other listeners.
 */
@ConsumerType
public interface LinkListener {

    /**
     * An agent acknowledged progress ({@code RECEIVED}, {@code RUNNING}), or the channel could not
     * deliver a task ({@code UNDELIVERABLE}).
     *
     * @param channelId the channel the ack came through
     * @param ack the ack
     */
    default void onAck(String channelId, Message.Ack ack) {
    }

    /**
     * An agent reported the final outcome of a host task. The listener that stores it sends
     * {@code Ack(STORED)} back through the same channel once it is durable.
     *
     * @param channelId the channel the result came through
     * @param result the result
     */
    default void onResult(String channelId, Message.Result result) {
    }

    /**
     * Hosts are now online on a channel: those that arrived since its previous report, or every
     * host of its first report on a new connection. Called after the store recorded it.
     *
     * @param channelId the channel holding them
     * @param hostIds the host ids, non-empty
     */
    default void onHostsOnline(String channelId, List<String> hostIds) {
    }

    /**
     * A channel's connection closed; the store already marked its hosts offline.
     *
     * @param channelId the channel
     */
    default void onChannelLost(String channelId) {
    }
}
