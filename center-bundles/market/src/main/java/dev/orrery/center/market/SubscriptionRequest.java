package dev.orrery.center.market;

/**
 * A subscription to create or replace.
 *
 * @param group the host group
 * @param plugin the plugin name
 * @param version the version, {@code null} for the newest uploaded
 * @param batchSize most hosts installing at once, {@code null} for the configured default
 * @param maxFailures failed hosts tolerated before the rollout pauses, {@code null} for the default
 * @param by who subscribes
 */
public record SubscriptionRequest(String group, String plugin, String version, Integer batchSize, Integer maxFailures,
        String by) {
}
