package dev.orrery.agent.cmd.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The spool folder of one command: {@code deadline} (epoch ms, written before the process starts),
 * {@code pid} (written by the wrapper), {@code out}, {@code err} and {@code status} (the exit
 * status, written by the wrapper last and atomically). Files survive the agent's JVM, so a new
 * handler instance can re-attach. Stateless apart from its path; thread-safe.
 *
 * @param dir the absolute folder
 */
record Spool(Path dir) {
    /** The result of reading one output file. @param bytes at most the cap @param truncated whether the file is longer */
    record Output(byte[] bytes, boolean truncated) {
    }

    /**
     * @param root the spool root
     * @param taskId the task (folder name; characters outside {@code [A-Za-z0-9._-]} become {@code _})
     * @return the task's spool
     */
    static Spool of(Path root, String taskId) {
        String safe = taskId.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.isEmpty() || safe.startsWith(".")) {
            safe = "_" + safe;
        }
        return new Spool(root.toAbsolutePath().resolve(safe));
    }

    /** @return whether a command may have been started here (its deadline was recorded) */
    boolean started() {
        return Files.exists(dir.resolve("deadline"));
    }

    /**
     * Creates the folder and records the deadline durably, before the process starts.
     *
     * @param deadlineMillis epoch ms when the command must end
     * @throws IOException if the spool cannot be written
     */
    void create(long deadlineMillis) throws IOException {
        Files.createDirectories(dir);
        ownerOnly(dir);
        Path tmp = dir.resolve("deadline.tmp");
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            c.write(java.nio.ByteBuffer.wrap(Long.toString(deadlineMillis).getBytes(StandardCharsets.US_ASCII)));
            c.force(true);
        }
        try {
            Files.move(tmp, dir.resolve("deadline"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir.resolve("deadline"), StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory
        }
    }

    /** Commands' output may hold secrets: only the agent's user may enter a spool (best effort). */
    private static void ownerOnly(Path d) {
        try {
            Files.setPosixFilePermissions(d, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }

    /** @return the recorded deadline, if readable */
    OptionalLong deadline() {
        return readLong("deadline");
    }

    /** @return the wrapper's pid (the session leader), if recorded */
    OptionalLong pid() {
        return readLong("pid");
    }

    /** @return the exit status, once the command ended and the wrapper recorded it */
    OptionalInt status() {
        OptionalLong v = readLong("status");
        return v.isPresent() ? OptionalInt.of((int) v.getAsLong()) : OptionalInt.empty();
    }

    /**
     * @param name {@code out} or {@code err}
     * @param cap the largest number of bytes returned
     * @return the start of the file, empty if absent
     */
    Output read(String name, int cap) {
        Path f = dir.resolve(name);
        try (InputStream in = Files.newInputStream(f)) {
            byte[] b = in.readNBytes(cap);
            return new Output(b, in.read() >= 0);
        } catch (IOException e) {
            return new Output(new byte[0], false);
        }
    }

    /** Deletes the folder and everything in it; quiet. */
    void delete() {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // gone already, or not ours to delete
        }
    }

    private OptionalLong readLong(String name) {
        try {
            String s = Files.readString(dir.resolve(name), StandardCharsets.US_ASCII).trim();
            return s.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(s));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
