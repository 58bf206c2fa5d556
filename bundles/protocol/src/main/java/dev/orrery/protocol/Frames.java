package dev.orrery.protocol;

import java.nio.ByteBuffer;

/**
 * Encodes and decodes whole frames, independent of any transport. The MINA codec
 * ({@link OrreryCodecFactory}) uses it; so can tests and tools.
 */
public final class Frames {
    /** First two bytes of every frame: {@code 'O' 'R'}. */
    public static final int MAGIC = 0x4F52;
    /**
     * The protocol version this build speaks; frames of any other version are refused. 2: tasks
     * carry the center's signature ({@code Task.Seal}), the welcome the center's task-signing key.
     */
    public static final int VERSION = 2;
    /** Bytes of the frame header: magic (2), version (1), type (1), length (4). */
    public static final int HEADER_BYTES = 8;
    /** Default largest payload accepted: 8 MiB (two capped 1 MiB streams fit with room). */
    public static final int DEFAULT_MAX_PAYLOAD = 8 * 1024 * 1024;

    private Frames() {
    }

    /**
     * @param m a message
     * @return the whole frame: header and payload
     */
    public static byte[] encode(Message m) {
        WireWriter w = new WireWriter();
        m.write(w);
        byte[] payload = w.toByteArray();
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        b.putShort((short) MAGIC).put((byte) VERSION).put((byte) m.type().code()).putInt(payload.length).put(payload);
        return b.array();
    }

    /**
     * Checks a frame header and returns the payload length it announces.
     *
     * @param header at least {@link #HEADER_BYTES} readable bytes at its position (not consumed)
     * @param maxPayload the largest payload accepted
     * @return the payload length
     * @throws ProtocolException for bad magic, version, type or length
     */
    public static int checkHeader(ByteBuffer header, int maxPayload) {
        int p = header.position();
        int magic = header.getShort(p) & 0xffff;
        if (magic != MAGIC) {
            throw new ProtocolException(String.format("bad magic 0x%04x", magic));
        }
        int version = header.get(p + 2) & 0xff;
        if (version != VERSION) {
            throw new ProtocolException("unsupported protocol version " + version);
        }
        MessageType.ofCode(header.get(p + 3) & 0xff);
        int len = header.getInt(p + 4);
        if (len < 0 || len > maxPayload) {
            throw new ProtocolException("frame payload of " + len + " bytes exceeds the maximum of " + maxPayload);
        }
        return len;
    }

    /**
     * Checks the first bytes of a header that has not fully arrived yet, so that a peer talking
     * another protocol is refused at its first bytes instead of holding the session open while
     * the decoder waits for a whole header.
     *
     * @param partial fewer than {@link #HEADER_BYTES} readable bytes at its position (not consumed)
     * @throws ProtocolException for bad magic, version or type among the bytes present
     */
    static void checkPartialHeader(ByteBuffer partial) {
        int p = partial.position();
        int n = Math.min(partial.remaining(), 4);
        if (n >= 1 && (partial.get(p) & 0xff) != MAGIC >>> 8
                || n >= 2 && (partial.get(p + 1) & 0xff) != (MAGIC & 0xff)) {
            throw new ProtocolException("bad magic");
        }
        if (n >= 3 && (partial.get(p + 2) & 0xff) != VERSION) {
            throw new ProtocolException("unsupported protocol version " + (partial.get(p + 2) & 0xff));
        }
        if (n >= 4) {
            MessageType.ofCode(partial.get(p + 3) & 0xff);
        }
    }

    /**
     * Decodes one payload.
     *
     * @param typeCode the type byte from the header
     * @param payload exactly the payload bytes
     * @return the message
     * @throws ProtocolException if the payload does not decode exactly
     */
    public static Message decode(int typeCode, byte[] payload) {
        return MessageType.ofCode(typeCode).read(new WireReader(payload));
    }

    /**
     * Decodes one whole frame.
     *
     * @param frame header and payload, nothing more
     * @param maxPayload the largest payload accepted
     * @return the message
     * @throws ProtocolException if anything is wrong
     */
    public static Message decode(byte[] frame, int maxPayload) {
        if (frame.length < HEADER_BYTES) {
            throw new ProtocolException("truncated header");
        }
        ByteBuffer b = ByteBuffer.wrap(frame);
        int len = checkHeader(b, maxPayload);
        if (frame.length != HEADER_BYTES + len) {
            throw new ProtocolException("frame length " + frame.length + " does not match header " + len);
        }
        byte[] payload = new byte[len];
        b.position(HEADER_BYTES).get(payload);
        return decode(frame[3] & 0xff, payload);
    }
}
