package dev.orrery.agent.core.internal;

import dev.orrery.protocol.Message.DataRecord;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One file of the {@link DataSpool}: records of consecutive sequence numbers, appended in order, each
 * framed by {@link SpoolCodec}. A torn
 * tail (a crash in the middle of an append) is found by its length or checksum and cut off when the
 * file is loaded again. Named after its first sequence number. Not thread-safe: the spool locks.
 */
final class SpoolSegment {
    static final String SUFFIX = ".seg";

    private final Path file;
    private final long first;
    private long last;
    private long size;
    /** Open for appends; a stream, not a channel: an interrupted publisher must not close it for everyone. */
    private FileOutputStream out;

    private SpoolSegment(Path file, long first, FileOutputStream out) {
        this.file = file;
        this.first = first;
        this.last = first - 1;
        this.out = out;
    }

    /** @return a new, empty segment open for appends */
    static SpoolSegment create(Path dir, long first) throws IOException {
        Path f = dir.resolve(String.format("%020d", first) + SUFFIX);
        return new SpoolSegment(f, first, new FileOutputStream(f.toFile(), false));
    }

    /** @return the segment a previous run left (read-only), its torn tail cut off */
    static SpoolSegment load(Path f) throws IOException {
        String name = f.getFileName().toString();
        SpoolSegment s = new SpoolSegment(f, Long.parseLong(name.substring(0, name.length() - SUFFIX.length())), null);
        long length = Files.size(f);
        s.size = length;
        s.size = s.read(0, d -> {
            s.last = d.seq();
            return true;
        });
        if (s.size < length) {
            try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
                raf.setLength(s.size);
                raf.getFD().sync();
            }
        }
        return s;
    }

    /**
     * @param dir the spool folder
     * @param floor segments wholly at or below it are deleted
     * @return the segments a previous run left, oldest first
     */
    static List<SpoolSegment> loadAll(Path dir, long floor) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("[0-9]{20}\\" + SUFFIX)).sorted().toList();
        }
        List<SpoolSegment> out = new ArrayList<>();
        for (Path f : files) {
            SpoolSegment seg = load(f);
            if (seg.last() <= floor) {
                seg.delete();
            } else {
                out.add(seg);
            }
        }
        return out;
    }

    /** Appends a frame of the next sequence number; on failure the segment is cut back and sealed. */
    void append(byte[] frame, long seq) throws IOException {
        try {
            out.write(frame);
        } catch (IOException e) {
            seal();
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(size);
            }
            throw e;
        }
        size += frame.length;
        last = seq;
    }

    /**
     * Reads the records from a byte offset, in order.
     *
     * @param from a record boundary
     * @param take takes a record, or answers false to stop before it
     * @return the offset after the last record taken (or before the one refused, or where the file turns unreadable)
     */
    long read(long from, Predicate<DataRecord> take) throws IOException {
        long pos = from;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(from);
            DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(raf.getFD()), 65_536));
            while (pos + 8 <= size) {
                int len = in.readInt();
                int crc = in.readInt();
                if (len <= 0 || len > SpoolCodec.MAX_PAYLOAD || pos + 8 + len > size) {
                    return pos;
                }
                byte[] payload = new byte[len];
                in.readFully(payload);
                if (SpoolCodec.crc(payload) != crc || !take.test(SpoolCodec.decode(payload))) {
                    return pos;
                }
                pos += 8 + len;
            }
        } catch (EOFException | RuntimeException e) {
            return pos; // a torn or foreign tail
        }
        return pos;
    }

    /** Makes the appends so far durable. */
    void force() throws IOException {
        if (out != null) {
            out.getFD().sync();
        }
    }

    /** Closes the file for appends. */
    void seal() throws IOException {
        if (out != null) {
            try {
                out.close();
            } finally {
                out = null;
            }
        }
    }

    /** Seals and deletes the file. */
    void delete() throws IOException {
        seal();
        Files.deleteIfExists(file);
    }

    boolean writable() {
        return out != null;
    }

    long first() {
        return first;
    }

    /** @return the last sequence number, {@code first - 1} while empty */
    long last() {
        return last;
    }

    int count() {
        return (int) (last - first + 1);
    }

    long size() {
        return size;
    }
}
