package dev.orrery.center.store;

import java.util.Map;
import java.util.Objects;

/**
 * One uploaded version of a marketplace plugin (its jar is kept beside it, see {@link MarketStore#jar}).
 *
 * @param name {@code Orrery-Plugin-Name}
 * @param version the bundle version ({@code Bundle-Version}, normalised {@code major.minor.micro[.qualifier]})
 * @param kind {@code java} or {@code script}
 * @param description {@code Orrery-Plugin-Description}
 * @param entry {@code Orrery-Plugin-Entry} (script plugins), {@code null} for java plugins
 * @param symbolicName {@code Bundle-SymbolicName} without directives
 * @param manifest every main attribute of the jar's manifest (for the repository index)
 * @param size jar size in bytes
 * @param sha256 lowercase hex SHA-256 of the jar
 * @param uploadedBy who uploaded it (API key id, shell user, or {@code orrery-import})
 * @param uploadedAt epoch ms
 * @since 0.8
 */
public record PluginRecord(String name, String version, String kind, String description, String entry,
        String symbolicName, Map<String, String> manifest, long size, String sha256, String uploadedBy, long uploadedAt) {
    public PluginRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sha256, "sha256");
        manifest = manifest == null ? Map.of() : Map.copyOf(manifest);
        description = description == null ? "" : description;
    }
}
