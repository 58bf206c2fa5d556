package dev.orrery.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields {@link WireWriter} wrote. Every length is checked against what remains, so a
 * lying length cannot allocate more than the frame holds; any violation is a
 * {@link ProtocolException}. Not thread-safe; one per payload.
 */
public final class WireReader {
    private final ByteBuffer buf;

    /** @param payload the payload bytes of one frame */
    public WireReader(byte[] payload) {
        this.buf = ByteBuffer.wrap(payload);
    }

    /** @return the next byte, unsigned */
    public int u8() {
        need(1);
        return buf.get() & 0xff;
    }

    /** @return the next boolean; anything but 0 or 1 is refused */
    public boolean bool() {
        int v = u8();
        if (v > 1) {
            throw new ProtocolException("bad boolean " + v);
        }
        return v == 1;
    }

    /** @return the next int */
    public int i32() {
        need(4);
        return buf.getInt();
    }

    /** @return the next long */
    public long i64() {
        need(8);
        return buf.getLong();
    }

    /** @return the next byte array, or {@code null} */
    public byte[] bytes() {
        int len = i32();
        if (len == -1) {
            return null;
        }
        if (len < 0) {
            throw new ProtocolException("negative length " + len);
        }
        need(len);
        byte[] b = new byte[len];
        buf.get(b);
        return b;
    }

    /** @return the next string, or {@code null}; malformed UTF-8 is refused */
    public String str() {
        byte[] b = bytes();
        if (b == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException("malformed UTF-8");
        }
    }

    /** @return the next list of strings, unmodifiable; a {@code null} element is refused */
    public List<String> strList() {
        int n = count(4);
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(nonNull(str(), "list"));
        }
        return Collections.unmodifiableList(list);
    }

    /** @return the next map of strings, unmodifiable, in wire order; a {@code null} key or value is refused */
    public Map<String, String> strMap() {
        int n = count(8);
        Map<String, String> map = new LinkedHashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            map.put(nonNull(str(), "map"), nonNull(str(), "map"));
        }
        return Collections.unmodifiableMap(map);
    }

    /** Fails unless every byte of the payload was consumed. */
    public void end() {
        if (buf.hasRemaining()) {
            throw new ProtocolException(buf.remaining() + " trailing bytes");
        }
    }

    // the records copy lists and maps with List.copyOf/Map.copyOf, which throw on null
    private static String nonNull(String s, String where) {
        if (s == null) {
            throw new ProtocolException("null in " + where);
        }
        return s;
    }

    private int count(int minBytesPerItem) {
        int n = i32();
        if (n < 0 || (long) n * minBytesPerItem > buf.remaining()) {
            throw new ProtocolException("bad count " + n);
        }
        return n;
    }

    private void need(int n) {
        if (buf.remaining() < n) {
            throw new ProtocolException("truncated payload: need " + n + ", have " + buf.remaining());
        }
    }
}
