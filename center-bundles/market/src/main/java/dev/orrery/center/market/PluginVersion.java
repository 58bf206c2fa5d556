package dev.orrery.center.market;

import dev.orrery.center.store.PluginRecord;
import java.util.List;

/**
 * One uploaded version with its use.
 *
 * @param record what was uploaded (uploader, time, SHA-256, size, headers)
 * @param installed how many hosts report this version installed
 * @param groups the groups subscribed to this version
 */
public record PluginVersion(PluginRecord record, int installed, List<String> groups) {
    public PluginVersion {
        groups = List.copyOf(groups);
    }
}
