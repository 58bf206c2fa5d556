package dev.orrery.agent.plugin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The script plugin extender: tracks the active plugin bundles (location
 * {@code orrery-plugin:<name>}) with the header {@code Orrery-Plugin-Kind: script}, extracts each
 * one's {@code Orrery-Plugin-Entry} through the {@link ScriptStore} when it starts and deletes it
 * when it stops. Bundle events are synchronous: when a bundle's start returns, its script is
 * extracted, so the installer verifies it right after. Thread-safe.
 */
final class ScriptExtender implements BundleTrackerCustomizer<ScriptStore.Script>, Installer.ScriptCheck {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptExtender.class);
    private static final int MAX_SCRIPT_BYTES = 16 << 20;
    private final ScriptStore store;
    private final Map<String, ScriptStore.Script> scripts = new ConcurrentHashMap<>();
    private BundleTracker<ScriptStore.Script> tracker;

    /** @param store where scripts are extracted */
    ScriptExtender(ScriptStore store) {
        this.store = store;
    }

    /** @param context this bundle's context: starts tracking */
    synchronized void open(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, this);
        tracker.open();
    }

    /** Stops tracking: every extracted script is deleted. */
    synchronized void close() {
        if (tracker != null) {
            tracker.close();
            tracker = null;
        }
    }

    /** @param name a plugin @param version its version @return its extracted script, if that version is active */
    Optional<ScriptStore.Script> script(String name, String version) {
        return Optional.ofNullable(scripts.get(name)).filter(s -> s.version().equals(version));
    }

    @Override
    public String problem(String name, String version) {
        Optional<ScriptStore.Script> s = script(name, version);
        return s.isPresent() ? s.get().problem() : "the entry of " + name + " " + version + " was not extracted (the bundle is not active)";
    }

    @Override
    public ScriptStore.Script addingBundle(Bundle bundle, BundleEvent event) {
        String kind = bundle.getHeaders("").get(PluginJar.KIND);
        if (!bundle.getLocation().startsWith(Bundles.LOCATION) || kind == null || !kind.trim().equals("script")) {
            return null;
        }
        String name = bundle.getLocation().substring(Bundles.LOCATION.length());
        String entry = String.valueOf(bundle.getHeaders("").get(PluginJar.ENTRY)).trim();
        byte[] content;
        try {
            content = PluginJar.safeEntry(entry) ? read(bundle, entry) : null;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Script plugin {}: cannot read {}: {}", name, entry, e.toString());
            content = null;
        }
        return extracted(name, bundle.getVersion().toString(), entry, content);
    }

    /**
     * A script plugin's bundle became active: its entry is extracted (also called by tests).
     *
     * @param name the plugin
     * @param version its version
     * @param entry its {@code Orrery-Plugin-Entry}
     * @param content the entry's bytes, {@code null} if absent or unreadable
     * @return the script, with its problem when it cannot run
     */
    ScriptStore.Script extracted(String name, String version, String entry, byte[] content) {
        ScriptStore.Script s = store.extract(name, version, entry, content);
        if (s.problem() != null) {
            LOG.warn("Script plugin {} {}: {}", name, version, s.problem());
        }
        scripts.put(name, s);
        return s;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, ScriptStore.Script s) {
        // the script stays while the bundle is active
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, ScriptStore.Script s) {
        scripts.remove(s.name(), s);
        store.remove(s);
    }

    private static byte[] read(Bundle bundle, String entry) throws IOException {
        URL url = bundle.getEntry(entry);
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            byte[] bytes = in.readNBytes(MAX_SCRIPT_BYTES + 1);
            if (bytes.length > MAX_SCRIPT_BYTES) {
                throw new IOException("the entry is larger than " + MAX_SCRIPT_BYTES + " bytes");
            }
            return bytes;
        }
    }
}
