package dev.orrery.agent.core.internal;

import dev.orrery.agent.api.DataChannel;
import dev.orrery.protocol.Message.DataRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable, bounded spool of the data channel under {@code <dataDir>/data}: records get
 * consecutive sequence numbers and are appended to {@link SpoolSegment} files (one write each, made
 * durable every second) until the center acknowledges them. Over {@code dataSpoolMaxRecords} or
 * {@code dataSpoolMaxBytes} the oldest segment (1/16 of the bounds) is dropped and its records not
 * yet stored counted; {@link SpoolMeta} keeps the counter and the numbers used. Thread-safe: one
 * lock over short file operations.
 */
final class DataSpool implements AutoCloseable {
    /** @param records records waiting @param bytes bytes on disk @param dropped records dropped so far */
    record Stats(long records, long bytes, long dropped) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(DataSpool.class);
    private static final int SLICES = 16;

    private final Path dir;
    private final long maxBytes;
    private final int maxRecords;
    private final ArrayDeque<SpoolSegment> segments = new ArrayDeque<>();
    private long nextSeq;
    private long floor;
    private long acked;
    private long dropped;
    private long diskRecords;
    private long diskBytes;
    private final SpoolCursor cursor = new SpoolCursor();
    private boolean dirty;
    private boolean closed;

    /** Loads what a previous run left. @param dir the spool folder @param limits its bounds */
    DataSpool(Path dir, AgentLimits limits) throws IOException {
        this.dir = DurableFiles.privateDir(dir);
        this.maxBytes = limits.dataSpoolMaxBytes();
        this.maxRecords = limits.dataSpoolMaxRecords();
        SpoolMeta meta = SpoolMeta.load(dir);
        floor = meta.floor();
        dropped = meta.dropped();
        long last = floor;
        for (SpoolSegment seg : SpoolSegment.loadAll(dir, floor)) {
            segments.addLast(seg);
            diskRecords += seg.count();
            diskBytes += seg.size();
            last = Math.max(last, seg.last());
        }
        acked = floor;
        nextSeq = last + 1;
    }

    /**
     * Appends a record; never blocks on the network. One that cannot be written is counted as dropped.
     *
     * @param topic a valid topic
     * @param data the record, cut at {@link DataChannel#MAX_RECORD_BYTES}
     * @param at epoch ms
     * @return its sequence number, 0 if it was not kept
     * @throws IllegalArgumentException for an invalid topic
     */
    synchronized long append(String topic, byte[] data, long at) {
        if (!DataChannel.validTopic(topic)) {
            throw new IllegalArgumentException("invalid data topic: " + topic);
        }
        if (closed) {
            return 0;
        }
        long seq = nextSeq;
        byte[] frame = SpoolCodec.encode(seq, topic, at, data);
        try {
            SpoolSegment tail = segments.peekLast();
            if (tail == null || !tail.writable() || tail.count() >= Math.max(1, maxRecords / SLICES)
                    || tail.size() + frame.length > Math.max(frame.length, maxBytes / SLICES)) {
                if (tail != null) {
                    tail.seal();
                }
                tail = SpoolSegment.create(dir, seq);
                segments.addLast(tail);
            }
            tail.append(frame, seq);
        } catch (IOException e) {
            LOG.warn("Cannot spool a data record under {}: {}; dropped ({} so far)", dir, e, ++dropped);
            return 0;
        }
        nextSeq++;
        diskRecords++;
        diskBytes += frame.length;
        dirty = true;
        while (diskRecords > maxRecords || diskBytes > maxBytes) {
            remove(segments.peekFirst());
        }
        return seq;
    }

    /**
     * @param after the highest sequence number already sent
     * @param maxRecords the most records
     * @param maxBytes the most bytes of topics and data
     * @return the next records after it (and after what the center stored), in order
     */
    synchronized List<DataRecord> read(long after, int maxRecords, long maxBytes) throws IOException {
        return cursor.read(segments, new SpoolBatch(Math.max(after, acked), maxRecords, maxBytes));
    }

    /** @param seq every record up to it is stored at the center: dropped from the spool */
    synchronized void ack(long seq) {
        if (seq <= acked) {
            return;
        }
        acked = seq;
        if (seq >= nextSeq) { // the center stored more than this spool numbered: its folder was reset
            nextSeq = seq + 1;
            floor = seq;
            writeMeta();
        }
        while (!segments.isEmpty() && segments.peekFirst().last() <= acked) {
            remove(segments.peekFirst());
        }
    }

    /** @return the highest sequence number the center stored */
    synchronized long acked() {
        return acked;
    }

    /** @return what waits, on disk */
    synchronized Stats stats() {
        long waiting = 0;
        for (SpoolSegment s : segments) {
            waiting += Math.max(0, s.last() - Math.max(s.first() - 1, acked));
        }
        return new Stats(waiting, diskBytes, dropped);
    }

    /** Makes the appends so far durable (the data thread, every second). */
    synchronized void sync() {
        if (dirty && !segments.isEmpty()) {
            try {
                segments.peekLast().force();
            } catch (IOException e) {
                LOG.debug("Cannot sync the data spool: {}", e.toString());
            }
        }
        dirty = false;
    }

    /** Removes the oldest segment, counting its records never stored: the meta first, then the file. */
    private void remove(SpoolSegment s) {
        segments.removeFirst();
        diskRecords -= s.count();
        diskBytes -= s.size();
        dropped += Math.max(0, s.last() - Math.max(s.first() - 1, acked));
        floor = Math.max(floor, Math.max(s.last(), acked));
        try {
            if (writeMeta()) {
                s.delete(); // else kept: reloaded after a restart, numbers never repeat
            } else {
                s.seal();
            }
        } catch (IOException e) {
            LOG.warn("Cannot delete the data spool segment {}: {}", s.first(), e.toString());
        }
        cursor.forget(s);
    }

    private boolean writeMeta() {
        try {
            new SpoolMeta(floor, dropped).write(dir);
            return true;
        } catch (IOException e) {
            LOG.warn("Cannot persist the data spool state under {}: {}", dir, e.toString());
            return false;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        sync();
        floor = Math.max(floor, acked);
        writeMeta();
        try {
            if (!segments.isEmpty()) {
                segments.peekLast().seal(); // the others are sealed
            }
        } catch (IOException e) {
            LOG.debug("Cannot close the data spool: {}", e.toString());
        }
    }
}
