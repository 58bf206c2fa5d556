package dev.orrery.agent.plugin.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin folder: {@code ROOT/<name>/<version>.jar} (the current and the previous version only,
 * for a rollback), {@code ROOT/<name>/<version>/} (a script plugin's extracted entry) and
 * {@code ROOT/<name>/work} (the plugin's private working folder); every folder 0700, files 0600.
 * Names and versions are checked before they reach here. Thread-safe (per plugin, the installer
 * serializes).
 */
final class PluginFiles {
    private static final Logger LOG = LoggerFactory.getLogger(PluginFiles.class);
    private final Path root;

    /** @param root the absolute plugin folder */
    PluginFiles(Path root) {
        this.root = root;
    }

    /** @return the plugin folder */
    Path root() {
        return root;
    }

    /** @param name a plugin @param version a version @return where its jar is kept */
    Path jar(String name, String version) {
        return root.resolve(name).resolve(version + ".jar");
    }

    /**
     * @param name a plugin
     * @param version its version
     * @param bytes the jar
     * @return the kept jar (written to a temporary file, then moved in place)
     * @throws IOException if it cannot be written
     */
    Path store(String name, String version, byte[] bytes) throws IOException {
        Path dir = folder(root.resolve(name));
        Path tmp = dir.resolve(version + ".jar.tmp");
        Files.write(tmp, bytes);
        mode(tmp, "rw-------");
        return Files.move(tmp, jar(name, version), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** @param name a plugin @return its private working folder, created (0700) */
    Path work(String name) throws IOException {
        return folder(folder(root.resolve(name)).resolve("work"));
    }

    /**
     * Deletes the plugin's jars but those of the versions to keep.
     *
     * @param name a plugin
     * @param keep versions whose jars stay ({@code null} members are ignored)
     */
    void prune(String name, Set<String> keep) {
        Path dir = root.resolve(name);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".jar")).toList()) {
                String v = f.getFileName().toString().replaceFirst("\\.jar$", "");
                if (!keep.contains(v)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot prune the jars of plugin {}: {}", name, e.toString());
        }
    }

    /** @param name a plugin whose files all go (after an uninstall) */
    void deleteAll(String name) {
        deleteTree(root.resolve(name));
    }

    /** @param dir a folder to create (and parents) with mode 0700 @return it */
    static Path folder(Path dir) throws IOException {
        Files.createDirectories(dir);
        mode(dir, "rwx------");
        return dir;
    }

    static void mode(Path p, String perms) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }

    /** @param dir a folder deleted with all it holds; quiet */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", dir, e.toString());
        }
    }
}
