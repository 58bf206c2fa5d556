package dev.orrery.agent.store.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scripts being run: {@code ROOT/<task id>/script}, the folder and the file mode 0700 and
 * owned by the agent's user, or by the task's {@code runAs} user (so it can read its script; the
 * root is 0711: enterable, not listable). Thread-safe.
 */
final class ScriptFiles {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptFiles.class);
    private static final String FILE = "script";

    private final Path root;

    /** @param root the absolute script folder */
    ScriptFiles(Path root) {
        this.root = root;
    }

    /**
     * @param taskId a task id
     * @return the task's folder (characters outside {@code [A-Za-z0-9._-]} become {@code _})
     */
    Path folder(String taskId) {
        String safe = taskId.replaceAll("[^A-Za-z0-9._-]", "_");
        return root.resolve(safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe);
    }

    /**
     * Writes a script, replacing one left by an earlier attempt.
     *
     * @param taskId the task
     * @param script its content
     * @param runAs the user who runs it, empty for the agent's own user
     * @return the script file
     * @throws IOException if it cannot be written
     */
    Path write(String taskId, byte[] script, String runAs) throws IOException {
        Files.createDirectories(root);
        mode(root, "rwx--x--x");
        Path dir = folder(taskId);
        delete(taskId);
        Files.createDirectory(dir);
        mode(dir, "rwx------");
        Path file = dir.resolve(FILE);
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            mode(file, "rwx------");
            out.write(script);
        }
        if (!runAs.isEmpty()) {
            giveTo(runAs, List.of(dir, file));
        }
        return file;
    }

    /**
     * Deletes a task's script folder; quiet.
     *
     * @param taskId the task
     */
    void delete(String taskId) {
        deleteTree(folder(taskId));
    }

    /**
     * Deletes the script folders older than {@code maxAgeMillis} (left by an agent that died).
     *
     * @param maxAgeMillis age limit
     * @param now epoch ms
     * @return how many were deleted
     */
    int sweep(long maxAgeMillis, long now) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int n = 0;
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                if (now - Files.getLastModifiedTime(d).toMillis() > maxAgeMillis) {
                    deleteTree(d);
                    n++;
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot sweep the script folder {}: {}", root, e.toString());
        }
        return n;
    }

    private static void giveTo(String user, List<Path> paths) {
        try {
            UserPrincipal owner = paths.get(0).getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
            for (Path p : paths) {
                Files.setOwner(p, owner);
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not root, or no such user: the runner refuses the runAs with its own clear error
            LOG.debug("Cannot give the script to {}: {}", user, e.toString());
        }
    }

    private static void mode(Path p, String perms) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Cannot delete the script folder {}: {}", dir, e.toString());
        }
    }
}
