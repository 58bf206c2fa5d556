package dev.orrery.agent.cmd.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the spool root bounded: deletes the spool of every command whose deadline passed more than
 * the retention ago and whose process is gone. By then its result was reported long ago (the
 * agent core resends a result until the center stores it). Thread-safe.
 */
final class SpoolPruner {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolPruner.class);

    private SpoolPruner() {
    }

    /** Prunes at most every ten minutes, on the thread of a task that starts. Thread-safe. */
    static final class Throttle {
        private static final long EVERY_MILLIS = 600_000;
        private final java.util.concurrent.atomic.AtomicLong last = new java.util.concurrent.atomic.AtomicLong();

        /** @param settings the spool root and retention */
        void pruneNowAndThen(CmdSettings settings) {
            long now = System.currentTimeMillis();
            long before = last.get();
            if (now - before >= EVERY_MILLIS && last.compareAndSet(before, now)) {
                prune(settings.spoolDir(), settings.spoolRetentionMillis(), now);
            }
        }
    }

    /**
     * @param root the spool root (may not exist)
     * @param retentionMillis how long a spool is kept after its deadline
     * @param now epoch ms
     * @return how many spools were deleted
     */
    static int prune(Path root, long retentionMillis, long now) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.list(root)) {
            dirs = s.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            LOG.warn("Cannot list the spool folder {}: {}", root, e.toString());
            return 0;
        }
        int deleted = 0;
        for (Path d : dirs) {
            Spool spool = new Spool(d);
            if (expired(spool, d, retentionMillis, now) && Watch.wrapperOf(spool).isEmpty()) {
                spool.delete();
                deleted++;
            }
        }
        if (deleted > 0) {
            LOG.info("Deleted {} spool folder(s) older than the retention from {}", deleted, root);
        }
        return deleted;
    }

    private static boolean expired(Spool spool, Path d, long retentionMillis, long now) {
        OptionalLong deadline = spool.deadline();
        long since;
        try {
            since = deadline.isPresent() ? deadline.getAsLong() : Files.getLastModifiedTime(d).toMillis();
        } catch (IOException e) {
            return false;
        }
        return now - since > retentionMillis;
    }
}
