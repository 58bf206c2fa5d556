package dev.orrery.agent.core.internal;

import dev.orrery.protocol.Frames;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persisted outbox: every result is written here durably (one file each) before it is sent,
 * and removed once the center acknowledges it STORED. Only the index (host task to file) is kept
 * in memory; results are read back when resent. Bounded: when full, the oldest result is dropped
 * (logged) to make room, so a flood of results without a center cannot fill the disk. Thread-safe.
 */
final class ResultOutbox {
    private static final Logger LOG = LoggerFactory.getLogger(ResultOutbox.class);
    private static final String SUFFIX = ".result";

    private final Path dir;
    private final int capacity;
    private final int maxFrameBytes;
    /** key to file, oldest first */
    private final Map<String, Path> index = new LinkedHashMap<>();

    /**
     * Loads what a previous run left.
     *
     * @param dir the outbox folder (created if absent)
     * @param capacity the most results kept
     * @param maxFrameBytes largest frame read back
     * @throws IOException if the folder cannot be created or listed
     */
    ResultOutbox(Path dir, int capacity, int maxFrameBytes) throws IOException {
        this.dir = DurableFiles.privateDir(dir);
        this.capacity = capacity;
        this.maxFrameBytes = maxFrameBytes;
        List<Result> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList()) {
                read(f).ifPresent(found::add);
            }
        }
        found.sort(Comparator.comparingLong(Result::finishedAt));
        found.forEach(r -> index.put(TaskLedger.key(r.taskId(), r.hostId()), fileOf(r.taskId(), r.hostId())));
    }

    /**
     * @param r a final result, made durable before this returns
     * @return the result dropped to make room, if the outbox was full
     * @throws IOException if it cannot be written
     */
    Optional<Result> put(Result r) throws IOException {
        Path f = fileOf(r.taskId(), r.hostId());
        DurableFiles.write(f, Frames.encode(r));
        String key = TaskLedger.key(r.taskId(), r.hostId());
        Optional<Result> dropped = Optional.empty();
        synchronized (this) {
            index.put(key, f);
            if (index.size() > capacity) {
                Map.Entry<String, Path> oldest = index.entrySet().iterator().next();
                index.remove(oldest.getKey());
                dropped = read(oldest.getValue());
                DurableFiles.delete(oldest.getValue());
            }
        }
        return dropped;
    }

    /**
     * @param taskId the task
     * @param hostId the host
     * @return whether a result was kept (and is now deleted)
     * @throws IOException if it cannot be deleted
     */
    boolean remove(String taskId, String hostId) throws IOException {
        Path f;
        synchronized (this) {
            f = index.remove(TaskLedger.key(taskId, hostId));
        }
        if (f != null) {
            DurableFiles.delete(f);
        }
        return f != null;
    }

    /** @param key a host task @return whether its result waits here */
    synchronized boolean contains(String key) {
        return index.containsKey(key);
    }

    /** @param key a host task @return its kept result */
    Optional<Result> get(String key) {
        Path f;
        synchronized (this) {
            f = index.get(key);
        }
        return f == null ? Optional.empty() : read(f);
    }

    /** @return the keys of every kept result, oldest first */
    synchronized List<String> keys() {
        return List.copyOf(index.keySet());
    }

    /** @return how many results wait */
    synchronized int size() {
        return index.size();
    }

    private Optional<Result> read(Path f) {
        try {
            Message m = StoredFrames.decode(Files.readAllBytes(f), maxFrameBytes);
            return m instanceof Result r ? Optional.of(r) : Optional.empty();
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty(); // acknowledged and deleted meanwhile
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring the unreadable outbox file {}: {}", f, e.toString());
            return Optional.empty();
        }
    }

    private Path fileOf(String taskId, String hostId) {
        return dir.resolve(DurableFiles.nameOf(taskId, hostId) + SUFFIX);
    }
}
