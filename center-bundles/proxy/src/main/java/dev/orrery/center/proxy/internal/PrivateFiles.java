package dev.orrery.center.proxy.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Writes key files atomically: a temporary file in the same folder, then a move over the target. */
final class PrivateFiles {
    private PrivateFiles() {
    }

    /**
     * @param file where, created with mode 0600 (owner only) where the file system has modes
     * @param data the bytes
     * @throws IOException if it cannot be written
     */
    static void write(Path file, byte[] data) throws IOException {
        write(file, data, "rw-------");
    }

    /**
     * @param file where, mode 0644 (readable by all: a public key)
     * @param data the bytes
     * @throws IOException if it cannot be written
     */
    static void writePublic(Path file, byte[] data) throws IOException {
        write(file, data, "rw-r--r--");
    }

    private static void write(Path file, byte[] data, String mode) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            FileAttribute<Set<java.nio.file.attribute.PosixFilePermission>> perms =
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode));
            Files.createFile(tmp, perms);
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot create " + tmp + ": it appeared meanwhile", e);
        }
        Files.write(tmp, data);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
