package dev.orrery.center.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small JDBC helpers shared by the stores. */
final class Sql {
    /** Longest IN list sent at once. Lists are padded to a few sizes so Derby reuses compiled plans. */
    static final int MAX_IN = 256;
    private static final int[] BUCKETS = {1, 4, 16, 64, MAX_IN};

    private Sql() {
    }

    /**
     * Splits values into IN-list chunks, each padded (by repeating its last value) to one of a
     * few sizes.
     *
     * @param values distinct values, may be empty
     * @return chunks, each of a bucket size
     */
    static List<List<String>> chunks(Collection<String> values) {
        List<String> all = new ArrayList<>(values);
        List<List<String>> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += MAX_IN) {
            List<String> chunk = new ArrayList<>(all.subList(from, Math.min(all.size(), from + MAX_IN)));
            int size = bucket(chunk.size());
            String last = chunk.get(chunk.size() - 1);
            chunk.addAll(Collections.nCopies(size - chunk.size(), last));
            out.add(chunk);
        }
        return out;
    }

    /** @param n how many @return {@code ?,?,…} */
    static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    /** Binds values from parameter index {@code first} on. @return the next free index */
    static int bind(PreparedStatement ps, int first, List<String> values) throws SQLException {
        int i = first;
        for (String v : values) {
            ps.setString(i++, v);
        }
        return i;
    }

    static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    static Integer getInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /** @return {@code s} cut to at most {@code max} characters, never splitting a surrogate pair */
    static Long getLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    /** Encodes a string map as lines {@code key=value}, escaping {@code %}, {@code =}, CR and LF. */
    static String encodeMap(Map<String, String> map) {
        StringBuilder b = new StringBuilder();
        map.forEach((k, v) -> b.append(escape(k)).append('=').append(escape(v == null ? "" : v)).append('\n'));
        return b.toString();
    }

    static Map<String, String> decodeMap(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return map;
        }
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq >= 0) {
                map.put(unescape(line.substring(0, eq)), unescape(line.substring(eq + 1)));
            }
        }
        return map;
    }

    /** @return {@code s} with LIKE wildcards escaped for {@code ESCAPE '\'} */
    static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String escape(String s) {
        return s.replace("%", "%25").replace("=", "%3D").replace("\n", "%0A").replace("\r", "%0D");
    }

    private static String unescape(String s) {
        return s.replace("%0D", "\r").replace("%0A", "\n").replace("%3D", "=").replace("%25", "%");
    }

    private static int bucket(int n) {
        for (int b : BUCKETS) {
            if (n <= b) {
                return b;
            }
        }
        return MAX_IN;
    }
}
