package dev.orrery.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes the files Orrery keeps keys and tokens in: into a temporary file in the same folder,
 * created with its final mode (so the content never exists with wider permissions), synced, then
 * moved over the target atomically (so a crash never leaves half a key). Folders it creates are
 * 0700. On file systems without POSIX modes the files get the default mode.
 */
public final class PrivateFiles {
    private static final String OWNER_ONLY = "rw-------";
    private static final String PUBLIC = "rw-r--r--";

    private PrivateFiles() {
    }

    /**
     * @param file the file to create or replace, mode 0600
     * @param content its bytes
     * @throws IOException if it cannot be written
     */
    public static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        write(file, content, OWNER_ONLY);
    }

    /**
     * @param file the file to create or replace, mode 0644 (a public key, a CA certificate)
     * @param content its bytes
     * @throws IOException if it cannot be written
     */
    public static void writePublic(Path file, byte[] content) throws IOException {
        write(file, content, PUBLIC);
    }

    private static void write(Path file, byte[] content, String mode) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))}
                : new FileAttribute<?>[0];
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attributes);
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
                channel.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
