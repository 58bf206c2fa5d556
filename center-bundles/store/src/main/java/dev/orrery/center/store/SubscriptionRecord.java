package dev.orrery.center.store;

import java.util.Objects;

/**
 * A group's subscription to one plugin version: the desired state the center rolls out.
 *
 * @param group the host group
 * @param plugin the plugin name
 * @param version the version every host of the group should run
 * @param batchSize most hosts installing at once for this rollout
 * @param maxFailures failed hosts tolerated before the rollout pauses
 * @param state {@code ROLLING}, {@code DONE} or {@code PAUSED}
 * @param reason why it paused ({@code null} otherwise)
 * @param updatedBy who subscribed or last changed it
 * @param updatedAt epoch ms
 * @since 0.8
 */
public record SubscriptionRecord(String group, String plugin, String version, int batchSize, int maxFailures,
        String state, String reason, String updatedBy, long updatedAt) {
    public SubscriptionRecord {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
    }
}
