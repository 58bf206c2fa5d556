package dev.orrery.agent.plugin.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orrery.agent.plugin.internal.Registry.Entry;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status section {@code plugins} and the reconciliation of the {@link Registry} with the
 * bundles the framework restored at an agent start. The section is a JSON array sorted by name of
 * {@code {"name","version","kind","state","failedVersion"?,"error"?}}; a plugin whose only known
 * install failed has no version and the state {@code UNINSTALLED}.
 */
final class PluginStatus {
    private static final Logger LOG = LoggerFactory.getLogger(PluginStatus.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Bundles bundles;
    private final Registry registry;
    private final PluginFiles files;

    PluginStatus(Bundles bundles, Registry registry, PluginFiles files) {
        this.bundles = bundles;
        this.registry = registry;
        this.files = files;
    }

    /** @return the section's JSON text now */
    String json() {
        Map<String, Bundles.Found> found = installed();
        Map<String, Entry> entries = registry.snapshot();
        Set<String> names = new TreeSet<>(found.keySet());
        entries.forEach((name, e) -> {
            if (e.failedVersion() != null) {
                names.add(name);
            }
        });
        ArrayNode out = JSON.createArrayNode();
        for (String name : names) {
            Bundles.Found f = found.get(name);
            Entry e = entries.get(name);
            ObjectNode n = out.addObject().put("name", name);
            if (f != null) {
                n.put("version", f.version()).put("kind", f.kind()).put("state", f.state());
            } else {
                n.put("kind", e.kind()).put("state", "UNINSTALLED");
            }
            if (e != null && e.failedVersion() != null) {
                n.put("failedVersion", e.failedVersion()).put("error", e.error());
            }
        }
        return out.toString();
    }

    /**
     * Makes the registry say what the framework restored: an installed bundle the registry does not
     * know (or knows at another version, after a crash mid-install) is taken as it is; an entry whose
     * bundle is gone keeps only its last failure. Jars of other versions than the current and
     * previous are deleted.
     */
    void reconcile() {
        Map<String, Bundles.Found> found = installed();
        Map<String, Entry> entries = registry.snapshot();
        for (Bundles.Found f : found.values()) {
            Entry e = entries.get(f.name());
            if (e == null || !f.version().equals(e.version()) || !f.kind().equals(e.kind())) {
                String previous = e == null ? null : e.version() != null && !e.version().equals(f.version()) ? e.version() : e.previous();
                registry.put(f.name(), new Entry(f.version(), f.kind(), previous, e == null ? null : e.failedVersion(),
                        e == null ? null : e.error(), true));
                LOG.info("Plugin registry: {} {} taken from the installed bundle", f.name(), f.version());
            }
        }
        entries.forEach((name, e) -> {
            if (!found.containsKey(name) && e.version() != null) {
                LOG.info("Plugin registry: {} {} is no longer installed", name, e.version());
                registry.put(name, e.failedVersion() == null ? null : new Entry(null, e.kind(), null, e.failedVersion(), e.error(), true));
                files.deleteAll(name);
            }
        });
        registry.snapshot().forEach((name, e) -> {
            Set<String> keep = new HashSet<>();
            keep.add(e.version());
            keep.add(e.previous());
            if (e.version() == null) {
                files.deleteAll(name);
            } else {
                files.prune(name, keep);
            }
        });
    }

    private Map<String, Bundles.Found> installed() {
        return bundles.all().stream().collect(Collectors.toMap(Bundles.Found::name, Function.identity(), (a, b) -> a, TreeMap::new));
    }
}
