package dev.orrery.agent.core.internal;

import dev.orrery.protocol.Frames;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.Task;
import dev.orrery.protocol.WireReader;
import dev.orrery.protocol.WireWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persisted ledger: one file per host task the agent admitted, written durably before the task
 * runs, holding the task, when it started and when the center acknowledged its result as stored.
 * An entry means "never run this again"; an entry without a result after a restart is resumed.
 * Acknowledged entries older than the retention are pruned. Thread-safe (one file per host task,
 * each written atomically).
 */
final class TaskJournal {
    /** One entry. @param task as received @param startedAt epoch ms @param ackedAt epoch ms of the STORED ack, 0 if none */
    record Entry(Task task, long startedAt, long ackedAt) {
        String key() {
            return TaskLedger.key(task.taskId(), task.hostId());
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(TaskJournal.class);
    private static final int FORMAT = 1;
    private static final String SUFFIX = ".task";

    private final Path dir;
    private final int maxFrameBytes;

    /**
     * @param dir the ledger folder (created if absent)
     * @param maxFrameBytes largest task frame to read back
     * @throws IOException if the folder cannot be created
     */
    TaskJournal(Path dir, int maxFrameBytes) throws IOException {
        this.dir = DurableFiles.privateDir(dir);
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * @param task a task about to run
     * @param startedAt epoch ms
     * @throws IOException if it cannot be made durable (then the task must not run)
     */
    void record(Task task, long startedAt) throws IOException {
        write(new Entry(task, startedAt, 0));
    }

    /**
     * @param taskId the task
     * @param hostId the host
     * @param now epoch ms
     * @return whether an entry was found and marked
     */
    boolean markAcked(String taskId, String hostId, long now) throws IOException {
        return markAckedTask(taskId, hostId, now).isPresent();
    }

    /**
     * Like {@link #markAcked}, returning the task of the entry.
     *
     * @param taskId the task
     * @param hostId the host
     * @param now epoch ms
     * @return the task if an entry was found (and is now marked), else empty
     */
    java.util.Optional<Task> markAckedTask(String taskId, String hostId, long now) throws IOException {
        Path f = fileOf(taskId, hostId);
        if (!Files.exists(f)) {
            return java.util.Optional.empty();
        }
        Entry e = read(f);
        if (e.ackedAt() == 0) {
            write(new Entry(e.task(), e.startedAt(), now));
        }
        return java.util.Optional.of(e.task());
    }

    /**
     * @param taskId the task
     * @param hostId the host
     * @return whether the host task is in the ledger (it ran, runs or was answered)
     */
    boolean exists(String taskId, String hostId) {
        return Files.exists(fileOf(taskId, hostId));
    }

    /**
     * @param taskId the task
     * @param hostId the host
     * @return epoch ms the center's {@code Ack STORED} was recorded, 0 if not (or no entry)
     * @throws IOException if the entry cannot be read
     */
    long ackedAt(String taskId, String hostId) throws IOException {
        Path f = fileOf(taskId, hostId);
        return Files.exists(f) ? read(f).ackedAt() : 0;
    }

    /** @return every readable entry; unreadable files are logged and skipped */
    List<Entry> load() {
        List<Entry> all = new ArrayList<>();
        for (Path f : files()) {
            try {
                all.add(read(f));
            } catch (IOException | RuntimeException e) {
                LOG.warn("Ignoring the unreadable ledger entry {}: {}", f, e.toString());
            }
        }
        return all;
    }

    /**
     * @param olderThan epoch ms: acknowledged entries acked before it are deleted
     * @return how many were deleted
     */
    int prune(long olderThan) {
        int n = 0;
        for (Path f : files()) {
            try {
                Entry e = read(f);
                if (e.ackedAt() > 0 && e.ackedAt() < olderThan) {
                    Files.deleteIfExists(f);
                    n++;
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("Cannot prune {}: {}", f, e.toString());
            }
        }
        if (n > 0) {
            DurableFiles.syncDir(dir);
        }
        return n;
    }

    private void write(Entry e) throws IOException {
        byte[] frame = Frames.encode(e.task());
        byte[] data = new WireWriter().u8(FORMAT).i64(e.startedAt()).i64(e.ackedAt()).bytes(frame).toByteArray();
        DurableFiles.write(fileOf(e.task().taskId(), e.task().hostId()), data);
    }

    private Entry read(Path f) throws IOException {
        WireReader r = new WireReader(Files.readAllBytes(f));
        if (r.u8() != FORMAT) {
            throw new IOException("unknown ledger format");
        }
        long started = r.i64();
        long acked = r.i64();
        Message m = StoredFrames.decode(r.bytes(), maxFrameBytes);
        r.end();
        if (!(m instanceof Task t)) {
            throw new IOException("not a task: " + m.type());
        }
        return new Entry(t, started, acked);
    }

    private Path fileOf(String taskId, String hostId) {
        return dir.resolve(DurableFiles.nameOf(taskId, hostId) + SUFFIX);
    }

    private List<Path> files() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList();
        } catch (IOException e) {
            LOG.warn("Cannot list the ledger folder {}: {}", dir, e.toString());
            return List.of();
        }
    }
}
