package dev.orrery.agent.core.internal;

import dev.orrery.protocol.WireReader;
import dev.orrery.protocol.WireWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The persisted state of the {@link DataSpool} ({@code spool.meta}, written with
 * {@link DurableFiles}): the highest sequence number acknowledged or dropped, so numbers never
 * repeat across restarts even when the spool is empty, and the drop counter.
 *
 * @param floor every sequence number up to it was stored at the center or dropped
 * @param dropped records dropped so far because the spool was full (or could not be written)
 */
record SpoolMeta(long floor, long dropped) {
    private static final String FILE = "spool.meta";
    private static final int FORMAT = 1;

    /**
     * @param dir the spool folder
     * @return its state; zeros when new or unreadable (logged: numbering then restarts after the
     *     highest record kept, and the center's next ack moves it past what it stored)
     */
    static SpoolMeta load(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.exists(f)) {
            return new SpoolMeta(0, 0);
        }
        try {
            WireReader r = new WireReader(Files.readAllBytes(f));
            if (r.u8() == FORMAT) {
                return new SpoolMeta(r.i64(), r.i64());
            }
        } catch (IOException | RuntimeException e) {
            // below
        }
        LoggerFactory.getLogger(SpoolMeta.class).warn("Ignoring the unreadable data spool state {}", f);
        return new SpoolMeta(0, 0);
    }

    /** @param dir the spool folder: replaced durably */
    void write(Path dir) throws IOException {
        DurableFiles.write(dir.resolve(FILE), new WireWriter().u8(FORMAT).i64(floor).i64(dropped).toByteArray());
    }
}
