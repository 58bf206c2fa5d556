package dev.orrery.bench.fanout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps two benches from sharing one work folder (the second would delete the first one's running
 * center): {@code <work>/bench.pid} names the live driver that owns the folder.
 */
public final class WorkLock implements AutoCloseable {
    private final Path file;

    private WorkLock(Path file) {
        this.file = file;
    }

    /**
     * @param work the work folder
     * @return the lock, held until {@link #close()}
     * @throws IllegalStateException if a live process holds it
     */
    public static synchronized WorkLock take(Path work) throws IOException {
        Files.createDirectories(work);
        Path file = work.resolve("bench.pid");
        if (Files.exists(file)) {
            String owner = Files.readString(file, StandardCharsets.UTF_8).trim();
            try {
                long pid = Long.parseLong(owner);
                if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    throw new IllegalStateException("another bench (pid " + pid + ") is running in " + work
                            + "; wait for it or give this one its own --work DIR");
                }
            } catch (NumberFormatException e) {
                // a damaged file: take it over
            }
        }
        Files.writeString(file, Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
        return new WorkLock(file);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
