package dev.orrery.agent.cron.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job set on disk ({@code jobs.json} in the cron folder), so jobs keep running after an agent
 * restart while the center is away. Written to a temporary file, forced to disk, then moved over
 * the old one atomically: a crash leaves either the old set or the new one.
 */
final class JobFile {
    private static final Logger LOG = LoggerFactory.getLogger(JobFile.class);
    private final Path file;

    JobFile(Path dir) {
        this.file = dir.resolve("jobs.json");
    }

    /** @return the saved set, or {@link JobSet#EMPTY} when there is none or it cannot be read (logged) */
    JobSet load() {
        try {
            return JobSet.parse(null, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return JobSet.EMPTY;
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot read the cron jobs in {}; starting without jobs until the center syncs them: {}", file, e.getMessage());
            return JobSet.EMPTY;
        }
    }

    /**
     * @param set the set to keep
     * @throws IOException when it cannot be written (the old file stays)
     */
    void save(JobSet set) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("jobs.json.tmp");
        Files.write(tmp, set.toBytes(), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
