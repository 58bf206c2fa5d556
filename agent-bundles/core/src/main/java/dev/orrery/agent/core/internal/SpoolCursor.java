package dev.orrery.agent.core.internal;

import dev.orrery.protocol.Message.DataRecord;
import java.io.IOException;
import java.util.List;

/**
 * Reads batches out of the {@link DataSpool}'s segments, remembering where the previous batch
 * stopped (segment, byte offset, last sequence number), so uploading in order never rescans a
 * segment; a batch starting anywhere else (a resend) scans its first segment from the start.
 * Not thread-safe: the spool locks.
 */
final class SpoolCursor {
    private SpoolSegment segment;
    private long offset;
    private long after = -1;

    /**
     * @param segments the spool's segments, oldest first
     * @param batch what to collect
     * @return the records collected, in order
     */
    List<DataRecord> read(Iterable<SpoolSegment> segments, SpoolBatch batch) throws IOException {
        for (SpoolSegment s : segments) {
            if (s.last() <= batch.after()) {
                continue;
            }
            long start = s == segment && after == batch.after() ? offset : 0;
            long end = s.read(start, batch);
            segment = s;
            offset = end;
            after = batch.after();
            if (end < s.size()) {
                break; // the batch is full
            }
        }
        return batch.records();
    }

    /** @param s a segment being deleted */
    void forget(SpoolSegment s) {
        if (segment == s) {
            segment = null;
        }
    }
}
