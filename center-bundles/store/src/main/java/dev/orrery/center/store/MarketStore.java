package dev.orrery.center.store;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The marketplace: uploaded plugin versions with their jars, and the groups' subscriptions.
 * Thread-safe; durable when a method returns.
 *
 * @since 0.8
 */
@ProviderType
public interface MarketStore {

    /**
     * @param plugin a new plugin version
     * @param jar its bytes
     * @throws IllegalStateException if this name and version exist already
     */
    void add(PluginRecord plugin, byte[] jar);

    /** @return every version of every plugin, ordered by name, then upload time */
    List<PluginRecord> plugins();

    /**
     * @param name a plugin name
     * @param version a version
     * @return that version, if uploaded
     */
    Optional<PluginRecord> plugin(String name, String version);

    /**
     * @param name a plugin name
     * @param version a version
     * @return its jar, if uploaded
     */
    Optional<byte[]> jar(String name, String version);

    /**
     * @param name a plugin name
     * @param version a version
     * @return whether it existed and is removed now (the caller checks subscriptions first)
     */
    boolean remove(String name, String version);

    /**
     * Creates or replaces the subscription of {@code s.group()} to {@code s.plugin()}.
     *
     * @param s the subscription
     */
    void subscribe(SubscriptionRecord s);

    /**
     * @param group a group
     * @param plugin a plugin name
     * @return whether a subscription existed and is removed now
     */
    boolean unsubscribe(String group, String plugin);

    /** @return every subscription, ordered by group, then plugin */
    List<SubscriptionRecord> subscriptions();

    /**
     * Records a rollout's progress.
     *
     * @param group a group
     * @param plugin a plugin name
     * @param state {@code ROLLING}, {@code DONE} or {@code PAUSED}
     * @param reason why it paused, else {@code null}
     * @param now epoch ms
     * @return whether the subscription exists
     */
    boolean rollout(String group, String plugin, String state, String reason, long now);
}
