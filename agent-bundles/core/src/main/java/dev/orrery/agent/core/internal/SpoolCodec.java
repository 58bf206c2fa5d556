package dev.orrery.agent.core.internal;

import dev.orrery.agent.api.DataChannel;
import dev.orrery.protocol.Message.DataRecord;
import dev.orrery.protocol.WireReader;
import dev.orrery.protocol.WireWriter;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * How a data record is kept in a {@link SpoolSegment}: {@code [i32 length][i32 CRC-32][payload]},
 * the payload being seq, topic, at and data as {@link WireWriter} writes them. Stateless.
 */
final class SpoolCodec {
    /** Larger than any record: a length above it marks a torn or foreign tail. */
    static final int MAX_PAYLOAD = 64 * 1024;

    private SpoolCodec() {
    }

    /** @return the frame of one record, its data cut at the record limit on a UTF-8 character boundary */
    static byte[] encode(long seq, String topic, long at, byte[] data) {
        byte[] payload = new WireWriter().i64(seq).str(topic).i64(at).bytes(cut(data)).toByteArray();
        return ByteBuffer.allocate(8 + payload.length).putInt(payload.length).putInt(crc(payload)).put(payload).array();
    }

    /** @param payload a frame's payload @return the record */
    static DataRecord decode(byte[] payload) {
        WireReader r = new WireReader(payload);
        DataRecord d = new DataRecord(r.i64(), r.str(), r.i64(), r.bytes());
        r.end();
        return d;
    }

    /** @param payload bytes @return their CRC-32 */
    static int crc(byte[] payload) {
        CRC32 c = new CRC32();
        c.update(payload);
        return (int) c.getValue();
    }

    /** @param data a record @return it cut at the record limit, on a UTF-8 character boundary */
    static byte[] cut(byte[] data) {
        if (data == null || data.length <= DataChannel.MAX_RECORD_BYTES) {
            return data == null ? new byte[0] : data;
        }
        int n = DataChannel.MAX_RECORD_BYTES;
        while (n > 0 && (data[n] & 0xC0) == 0x80) {
            n--;
        }
        return Arrays.copyOf(data, n);
    }
}
