package dev.orrery.center.market;

import dev.orrery.center.store.PluginRecord;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The marketplace. Uploads are validated plugin bundles; a subscription is the desired state of
 * a group, reconciled every few seconds against what each host reports in its status section
 * {@code plugins} (install, update, uninstall through {@code plugin} tasks, in batches with a
 * failure threshold). Errors are {@link dev.orrery.api.OrreryException}s with a code. Thread-safe.
 */
@ProviderType
public interface MarketService {
    /** Who plugins imported from the distribution's {@code market/} folder are uploaded by. */
    String IMPORTER = "orrery-import";

    /**
     * Validates and stores a plugin version.
     *
     * @param jar the bundle jar
     * @param uploadedBy API key id or shell user
     * @return the stored version
     * @throws dev.orrery.api.OrreryException {@code PLUGIN_INVALID} (400, the reason),
     *     {@code CONTENT_TOO_LARGE} (413, over {@code maxPluginBytes}), {@code CONFLICT} (409, this
     *     name and version exist)
     */
    PluginRecord upload(byte[] jar, String uploadedBy);

    /** @return every plugin with its versions, by name */
    List<PluginInfo> plugins();

    /**
     * @param name a plugin name
     * @return the plugin with its versions, install counts and subscribed groups, if uploaded
     */
    Optional<PluginInfo> plugin(String name);

    /**
     * @param name a plugin name
     * @param version a version, {@code null} for the newest
     * @return that version, if uploaded
     */
    Optional<PluginRecord> version(String name, String version);

    /**
     * @param name a plugin name
     * @param version a version
     * @return its jar, if uploaded
     */
    Optional<byte[]> jar(String name, String version);

    /**
     * Deletes a version no group subscribes to.
     *
     * @param name a plugin name
     * @param version a version
     * @param by who deletes it
     * @throws dev.orrery.api.OrreryException {@code NOT_FOUND}, {@code CONFLICT} (groups subscribe to it; named)
     */
    void delete(String name, String version, String by);

    /**
     * The R5 repository index ({@code http://www.osgi.org/xmlns/repository/v1.0.0}) of every
     * plugin version: identity, content (SHA-256, size, absolute URL), bundle, host and package
     * capabilities, package and capability requirements.
     *
     * @param baseUri the absolute URI the bundle URLs are relative to, ending in {@code /}
     *     (the {@code market/} folder of the API: bundles are at {@code plugins/NAME/VERSION/bundle.jar})
     * @return the XML document
     */
    String repositoryXml(String baseUri);

    /**
     * Subscribes a group to a plugin version (replacing its earlier version) and starts a rollout.
     * Subscribing again to the same version resumes a paused rollout.
     *
     * @param request what to subscribe
     * @return the subscription with its hosts
     * @throws dev.orrery.api.OrreryException {@code NOT_FOUND} (plugin or version unknown),
     *     {@code INVALID_REQUEST} (group name, batch size, failure threshold)
     */
    SubscriptionStatus subscribe(SubscriptionRequest request);

    /**
     * Removes a subscription: the plugin is uninstalled from the group's hosts (unless another
     * group of a host wants it) within seconds.
     *
     * @param group a group
     * @param plugin a plugin name
     * @param by who asks
     * @return whether the subscription existed
     */
    boolean unsubscribe(String group, String plugin, String by);

    /**
     * @param group a group, {@code null} for all
     * @return each subscription with desired against actual per host
     */
    List<SubscriptionStatus> subscriptions(String group);
}
