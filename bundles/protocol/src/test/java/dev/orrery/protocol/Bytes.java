package dev.orrery.protocol;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** Hand-made frames and payloads for tests, including broken ones. */
final class Bytes {
    private Bytes() {
    }

    /** @return a frame header with every field chosen by the caller */
    static byte[] header(int magic, int version, int type, int length) {
        return ByteBuffer.allocate(Frames.HEADER_BYTES).putShort((short) magic).put((byte) version).put((byte) type)
                .putInt(length).array();
    }

    /** @return a frame with a correct header for this payload */
    static byte[] frame(int type, byte[] payload) {
        return concat(header(Frames.MAGIC, Frames.VERSION, type, payload.length), payload);
    }

    /** @return the payload bytes of a message */
    static byte[] payload(Message m) {
        WireWriter w = new WireWriter();
        m.write(w);
        return w.toByteArray();
    }

    /** @return a and b, one after the other */
    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** @return the given ints as bytes */
    static byte[] of(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
