package dev.orrery.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Appends typed fields to a payload. Strings and byte arrays are length-prefixed (an int, -1
 * for {@code null}); lists and maps are count-prefixed. Not thread-safe; one per message.
 */
public final class WireWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

    /** @param v a byte @return this */
    public WireWriter u8(int v) {
        out.write(v);
        return this;
    }

    /** @param v a boolean @return this */
    public WireWriter bool(boolean v) {
        return u8(v ? 1 : 0);
    }

    /** @param v an int, big endian @return this */
    public WireWriter i32(int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    /** @param v a long, big endian @return this */
    public WireWriter i64(long v) {
        i32((int) (v >>> 32));
        return i32((int) v);
    }

    /** @param v bytes or {@code null} @return this */
    public WireWriter bytes(byte[] v) {
        if (v == null) {
            return i32(-1);
        }
        i32(v.length);
        out.write(v, 0, v.length);
        return this;
    }

    /** @param v text or {@code null}, as UTF-8 @return this */
    public WireWriter str(String v) {
        return bytes(v == null ? null : v.getBytes(StandardCharsets.UTF_8));
    }

    /** @param v a list of strings, {@code null} written as empty @return this */
    public WireWriter strList(List<String> v) {
        List<String> list = v == null ? List.of() : v;
        i32(list.size());
        list.forEach(this::str);
        return this;
    }

    /** @param v a map of strings, {@code null} written as empty @return this */
    public WireWriter strMap(Map<String, String> v) {
        Map<String, String> map = v == null ? Map.of() : v;
        i32(map.size());
        map.forEach((k, val) -> str(k).str(val));
        return this;
    }

    /** @return the payload written so far */
    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
