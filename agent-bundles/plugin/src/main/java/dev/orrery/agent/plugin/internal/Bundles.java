package dev.orrery.agent.plugin.internal;

import dev.orrery.agent.api.Plugin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The framework operations the installer needs, on plugin bundles named by plugin name (location
 * {@code orrery-plugin:<name>}); behind an interface so the install and rollback logic is tested
 * without a framework. Every method is bounded in time: a plugin that hangs in its activator
 * fails the step, it never holds the agent.
 */
interface Bundles {
    /** The bundle location prefix of plugin bundles. */
    String LOCATION = "orrery-plugin:";

    /**
     * An installed plugin bundle.
     *
     * @param name the plugin name (from its location)
     * @param version its bundle version, normalised
     * @param kind its {@code Orrery-Plugin-Kind} header
     * @param state the bundle state name ({@code ACTIVE}, {@code RESOLVED}, {@code INSTALLED}, …)
     */
    record Found(String name, String version, String kind, String state) {
        /** @return whether it runs */
        boolean active() {
            return "ACTIVE".equals(state);
        }
    }

    /** A Plugin service borrowed from the framework; closing gives it back. */
    interface Lease extends AutoCloseable {
        /** @return the service */
        Plugin plugin();

        @Override
        void close();
    }

    /** @return every plugin bundle installed now */
    List<Found> all();

    /** @param name a plugin @return its bundle, if installed */
    Optional<Found> find(String name);

    /** Installs a new bundle (not started). @param name the plugin @param jar its jar @throws Exception why it failed */
    void install(String name, Path jar) throws Exception;

    /**
     * Stops the bundle, updates it from the jar and refreshes it when the framework keeps its old
     * revision (not started).
     *
     * @param name the plugin
     * @param jar the jar of the wanted version
     * @throws Exception why it failed
     */
    void update(String name, Path jar) throws Exception;

    /** Starts the bundle (resolving it). @param name the plugin @throws Exception why it failed (unresolved, activator) */
    void start(String name) throws Exception;

    /** Uninstalls the bundle and refreshes; nothing if not installed. @param name the plugin @throws Exception why it failed */
    void uninstall(String name) throws Exception;

    /**
     * @param name a plugin
     * @param wait how long to wait for it
     * @return whether a {@link Plugin} service with {@value Plugin#NAME} = name, registered by that
     *     plugin's bundle, appeared within the wait
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitPlugin(String name, Duration wait) throws InterruptedException;

    /** @param name a plugin @return its Plugin service, registered by its bundle, if there is one now */
    Optional<Lease> plugin(String name);
}
