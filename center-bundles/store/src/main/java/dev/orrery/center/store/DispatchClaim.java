package dev.orrery.center.store;

import java.util.Objects;

/**
 * One host task to claim for its first send, for {@link TaskStore#dispatch(String, java.util.List)}.
 *
 * @param hostId the host
 * @param channel the channel it is sent through
 * @param resendAt epoch ms to send it again if no {@code Ack RECEIVED} arrives by then
 * @since 0.3
 */
public record DispatchClaim(String hostId, String channel, long resendAt) {
    public DispatchClaim {
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(channel, "channel");
    }
}
