package dev.orrery.center.market;

import java.util.List;

/**
 * A plugin with its uploaded versions.
 *
 * @param name the plugin name
 * @param kind {@code java} or {@code script} (of the newest version)
 * @param description of the newest version
 * @param latest the newest version (highest OSGi version)
 * @param versions every version, newest first
 */
public record PluginInfo(String name, String kind, String description, String latest, List<PluginVersion> versions) {
    public PluginInfo {
        versions = List.copyOf(versions);
    }
}
