package dev.orrery.agent.core.internal;

import dev.orrery.protocol.Message.DataRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The records of one upload, collected while a {@link SpoolSegment} is read: those after a sequence
 * number, up to a count and a size (topics and data; the first record always fits). Not thread-safe.
 */
final class SpoolBatch implements Predicate<DataRecord> {
    private final List<DataRecord> records = new ArrayList<>();
    private final int maxRecords;
    private final long maxBytes;
    private long after;
    private long bytes;

    /**
     * @param after the highest sequence number not wanted
     * @param maxRecords the most records
     * @param maxBytes the most bytes
     */
    SpoolBatch(long after, int maxRecords, long maxBytes) {
        this.after = after;
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean test(DataRecord d) {
        if (d.seq() <= after) {
            return true; // sent already: skip it
        }
        long size = d.topic().length() + d.data().length;
        if (records.size() >= maxRecords || (!records.isEmpty() && bytes + size > maxBytes)) {
            return false;
        }
        records.add(d);
        bytes += size;
        after = d.seq();
        return true;
    }

    /** @return the highest sequence number taken, or the one it started after */
    long after() {
        return after;
    }

    List<DataRecord> records() {
        return records;
    }
}
