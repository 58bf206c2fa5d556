package dev.orrery.agent.plugin.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is installed and the last failed install per plugin, in {@code registry.json} of the plugin
 * folder: written to a temporary file, forced, moved over the old one (a crash leaves one or the
 * other). The framework's bundles are the truth for what runs; this file adds what they cannot
 * tell (the previous version to roll back to, the last failure) and is reconciled with them at
 * start. Thread-safe.
 */
final class Registry {
    /**
     * One plugin.
     *
     * @param version the installed version, {@code null} when only a failed attempt is known
     * @param kind {@code java} or {@code script}
     * @param previous the version before it, whose jar is kept for a rollback, or {@code null}
     * @param failedVersion the version whose last install failed, or {@code null}
     * @param error {@code CODE: message} of that failure, or {@code null}
     * @param proven whether the version has run once without a run failure, or has no previous
     *     version to go back to; until then a run failure rolls it back ({@link Probation})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String version, String kind, String previous, String failedVersion, String error, boolean proven) {
        /** @return this entry with its failure cleared */
        Entry healthy() {
            return new Entry(version, kind, previous, null, null, proven);
        }

        /** @return this entry, its version proven */
        Entry proved() {
            return new Entry(version, kind, previous, failedVersion, error, true);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Registry.class);
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Path file;
    private final Map<String, Entry> entries = new TreeMap<>();

    /** @param folder the plugin folder; the file is read now (an unreadable one is logged and taken as empty) */
    Registry(Path folder) {
        this.file = folder.resolve("registry.json");
        try {
            entries.putAll(JSON.readValue(Files.readAllBytes(file), new TypeReference<Map<String, Entry>>() { }));
        } catch (NoSuchFileException e) {
            // nothing installed yet
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot read the plugin registry {}; rebuilding it from the installed bundles: {}", file, e.getMessage());
        }
    }

    /** @param name a plugin @return its entry */
    synchronized Optional<Entry> get(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** @return a copy of every entry, by name */
    synchronized Map<String, Entry> snapshot() {
        return new TreeMap<>(entries);
    }

    /** @param name a plugin @param entry what to keep, {@code null} to forget it; saved at once (failures logged) */
    synchronized void put(String name, Entry entry) {
        if (entry == null) {
            entries.remove(name);
        } else {
            entries.put(name, entry);
        }
        try {
            save();
        } catch (IOException e) {
            LOG.error("Cannot write the plugin registry {}: {}", file, e.toString());
        }
    }

    private void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("registry.json.tmp");
        Files.write(tmp, JSON.writeValueAsBytes(entries), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
