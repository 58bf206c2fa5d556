package dev.orrery.agent.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Crash-safe file writes: temporary file, fsync, atomic rename, fsync of the folder. Stateless. */
final class DurableFiles {
    private DurableFiles() {
    }

    /**
     * Replaces {@code target} with {@code data} so that after a crash it holds either the old or
     * the new content, and the new one once this returns.
     *
     * @param target the file
     * @param data its new content
     * @throws IOException if it cannot be written
     */
    static void write(Path target, byte[] data) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(data);
            while (b.hasRemaining()) {
                c.write(b);
            }
            c.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDir(target.getParent());
    }

    /**
     * Deletes a file and syncs its folder; quiet if it is already gone.
     *
     * @param file the file
     * @throws IOException if it cannot be deleted
     */
    static void delete(Path file) throws IOException {
        if (Files.deleteIfExists(file)) {
            syncDir(file.getParent());
        }
    }

    /**
     * Creates a folder readable by the agent's user only (tasks and results may hold secrets).
     *
     * @param dir the folder
     * @return the folder
     * @throws IOException if it cannot be created
     */
    static Path privateDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        return dir;
    }

    /** @param dir a folder whose entries (renames, deletions) must reach the disk */
    static void syncDir(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a folder: the rename itself is still atomic
        }
    }

    /**
     * @param taskId the task
     * @param hostId the host
     * @return a file name (hex SHA-256) for the host task, safe on every file system
     */
    static String nameOf(String taskId, String hostId) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest(TaskLedger.key(taskId, hostId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
