package dev.orrery.center.link;

import dev.orrery.protocol.Message;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends messages down to the channels connected to this center. Thread-safe and non-blocking:
 * a send only queues the message on the channel's connection.
 */
@ProviderType
public interface ChannelGateway {

    /**
     * Queues a message (normally a {@link Message.Task}, {@link Message.Cancel} or an
     * {@link Message.Ack} of kind {@code STORED}) on a channel's connection.
     *
     * @param channelId the channel
     * @param message the message
     * @return {@code true} if the channel is connected and the message was queued;
     *     {@code false} if no such channel is connected (nothing was sent)
     */
    boolean send(String channelId, Message message);

    /** @return every channel connected now, ordered by channel id */
    List<ChannelInfo> channels();

    /**
     * @param channelId a channel id
     * @return the channel, if connected now
     */
    default Optional<ChannelInfo> channel(String channelId) {
        return channels().stream().filter(c -> c.channelId().equals(channelId)).findFirst();
    }
}
