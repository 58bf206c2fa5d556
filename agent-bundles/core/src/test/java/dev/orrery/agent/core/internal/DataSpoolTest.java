package dev.orrery.agent.core.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.agent.api.DataChannel;
import dev.orrery.protocol.Message.DataRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data spool on its own: numbering, bounds, acks, restarts, torn tails. */
class DataSpoolTest {
    @TempDir
    Path dir;

    private static AgentLimits limits(int maxRecords) {
        return new AgentLimits(30, 300, 64L << 20, maxRecords, 500, 15, 0, 0, 5, 60);
    }

    private static List<Long> seqs(List<DataRecord> records) {
        return records.stream().map(DataRecord::seq).toList();
    }

    private long segments() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(SpoolSegment.SUFFIX)).count();
        }
    }

    @Test
    void numbersRecordsInOrderAndReadsThemInBatches() throws Exception {
        try (DataSpool spool = new DataSpool(dir, limits(1000))) {
            for (int i = 1; i <= 10; i++) {
                assertEquals(i, spool.append(i % 2 == 0 ? "even" : "odd", ("line " + i).getBytes(UTF_8), 1000 + i));
            }
            List<DataRecord> first = spool.read(0, 4, 1 << 20);
            assertEquals(List.of(1L, 2L, 3L, 4L), seqs(first));
            assertEquals("odd", first.get(0).topic());
            assertEquals("line 1", new String(first.get(0).data(), UTF_8));
            assertEquals(1001, first.get(0).at());
            assertEquals(List.of(5L, 6L, 7L, 8L), seqs(spool.read(4, 4, 1 << 20)));
            assertEquals(List.of(1L), seqs(spool.read(0, 100, 10)), "the byte bound");
            assertEquals(List.of(1L), seqs(spool.read(0, 100, 1)), "the first record always fits");
            spool.ack(6);
            assertEquals(List.of(7L, 8L, 9L, 10L), seqs(spool.read(0, 100, 1 << 20)), "never what the center stored");
            assertEquals(4, spool.stats().records());
        }
    }

    @Test
    void survivesARestartAndNeverReusesANumber() throws Exception {
        try (DataSpool spool = new DataSpool(dir, limits(1000))) {
            LongStream.rangeClosed(1, 5).forEach(i -> spool.append("t", new byte[] {(byte) i}, i));
            spool.ack(2);
        }
        try (DataSpool spool = new DataSpool(dir, limits(1000))) {
            assertEquals(List.of(3L, 4L, 5L), seqs(spool.read(0, 100, 1 << 20)));
            assertEquals(6, spool.append("t", new byte[0], 6));
            spool.ack(6);
            assertEquals(0, spool.stats().records());
            assertEquals(0, segments(), "every segment acknowledged is deleted");
        }
        try (DataSpool spool = new DataSpool(dir, limits(1000))) {
            assertEquals(7, spool.append("t", new byte[0], 7), "the numbers go on over an empty spool");
        }
    }

    @Test
    void dropsTheOldestWhenFullAndCountsThemAcrossRestarts() throws Exception {
        try (DataSpool spool = new DataSpool(dir, limits(16))) {
            LongStream.rangeClosed(1, 20).forEach(i -> spool.append("t", new byte[] {(byte) i}, i));
            assertEquals(4, spool.stats().dropped());
            assertEquals(16, spool.stats().records());
            assertEquals(LongStream.rangeClosed(5, 20).boxed().toList(), seqs(spool.read(0, 100, 1 << 20)));
        }
        try (DataSpool spool = new DataSpool(dir, limits(16))) {
            assertEquals(4, spool.stats().dropped());
            assertEquals(21, spool.append("t", new byte[0], 21));
        }
    }

    @Test
    void cutsATornTailAndLongRecords() throws Exception {
        try (DataSpool spool = new DataSpool(dir, limits(1000))) {
            spool.append("t", "a".getBytes(UTF_8), 1);
            spool.append("t", "b".getBytes(UTF_8), 2);
        }
        Path seg;
        try (Stream<Path> s = Files.list(dir)) {
            seg = s.filter(p -> p.toString().endsWith(SpoolSegment.SUFFIX)).findFirst().orElseThrow();
        }
        Files.write(seg, new byte[] {0, 0, 1, 0, 9, 9}, StandardOpenOption.APPEND); // a crash in mid-append
        try (DataSpool spool = new DataSpool(dir, limits(1000))) {
            assertEquals(List.of(1L, 2L), seqs(spool.read(0, 100, 1 << 20)));
            byte[] big = new byte[DataChannel.MAX_RECORD_BYTES + 10];
            Arrays.fill(big, (byte) 'x');
            big[DataChannel.MAX_RECORD_BYTES] = (byte) 0x80; // a UTF-8 continuation byte right at the limit
            big[DataChannel.MAX_RECORD_BYTES - 1] = (byte) 0xC3;
            assertEquals(3, spool.append("t", big, 3));
            byte[] kept = spool.read(2, 1, 1 << 20).get(0).data();
            assertEquals(DataChannel.MAX_RECORD_BYTES - 1, kept.length, "cut before the split character");
            assertArrayEquals(Arrays.copyOf(big, kept.length), kept);
            assertThrows(IllegalArgumentException.class, () -> spool.append("bad topic", new byte[0], 4));
            assertThrows(IllegalArgumentException.class, () -> spool.append("", new byte[0], 4));
            assertTrue(spool.stats().bytes() > DataChannel.MAX_RECORD_BYTES);
        }
    }
}
