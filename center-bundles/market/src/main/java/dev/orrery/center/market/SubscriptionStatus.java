package dev.orrery.center.market;

import dev.orrery.center.store.SubscriptionRecord;
import java.util.List;

/**
 * A subscription, desired against actual on each host of its group.
 *
 * @param subscription the desired state and the rollout's state ({@code ROLLING}, {@code DONE},
 *     {@code PAUSED} with the reason)
 * @param hosts every host of the group, by host id
 */
public record SubscriptionStatus(SubscriptionRecord subscription, List<HostPlugin> hosts) {
    public SubscriptionStatus {
        hosts = List.copyOf(hosts);
    }

    /**
     * One host of a subscribed group.
     *
     * @param hostId the host
     * @param online whether it is connected
     * @param desired the version it should run (the highest its groups subscribe to)
     * @param actual the version it reports, {@code null} if none
     * @param state {@code INSTALLED} (runs the desired version), {@code PENDING} (waits for its
     *     batch or to come online), {@code INSTALLING} (a task is on its way), {@code FAILED} (the
     *     install failed and the host was rolled back; see error), {@code PAUSED} (the rollout is paused before reaching it)
     * @param error why it failed ({@code CODE: message}), else {@code null}
     */
    public record HostPlugin(String hostId, boolean online, String desired, String actual, String state, String error) {
    }
}
