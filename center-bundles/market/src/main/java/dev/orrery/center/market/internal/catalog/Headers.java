package dev.orrery.center.market.internal.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small parser for OSGi manifest headers ({@code Import-Package}, {@code Export-Package},
 * {@code Provide-Capability}, {@code Require-Capability}, …): clauses separated by {@code ,}; in a clause,
 * paths then parameters separated by {@code ;}; a parameter is a directive {@code name:=value} or an
 * attribute {@code name[:type]=value}; values may be quoted ({@code "a,b;c"}, with {@code \} escapes).
 */
final class Headers {

    /** A typed attribute value as written in the header; {@code type} is {@code String} when none was given. */
    record Attr(String type, String value) {
    }

    /**
     * One clause.
     *
     * @param paths the paths (package names, a namespace, a symbolic name)
     * @param attributes attributes in header order
     * @param directives directives in header order
     */
    record Clause(List<String> paths, Map<String, Attr> attributes, Map<String, String> directives) {
        /** @return the attribute's value, or {@code null} */
        String attribute(String name) {
            Attr a = attributes.get(name);
            return a == null ? null : a.value();
        }
    }

    private Headers() {
    }

    /**
     * @param header a header value, may be {@code null}
     * @return its clauses (none for a {@code null} or blank header); empty pieces are skipped
     */
    static List<Clause> parse(String header) {
        List<Clause> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        for (String text : split(header, ',')) {
            List<String> paths = new ArrayList<>();
            Map<String, Attr> attributes = new LinkedHashMap<>();
            Map<String, String> directives = new LinkedHashMap<>();
            for (String piece : split(text, ';')) {
                int eq = piece.indexOf('=');
                int quote = piece.indexOf('"');
                if (eq <= 0 || (quote >= 0 && quote < eq)) {
                    paths.add(unquote(piece));
                } else if (piece.charAt(eq - 1) == ':') {
                    directives.put(piece.substring(0, eq - 1).strip(), unquote(piece.substring(eq + 1)));
                } else {
                    String key = piece.substring(0, eq).strip();
                    String type = "String";
                    int colon = key.indexOf(':');
                    if (colon > 0) {
                        type = key.substring(colon + 1).strip();
                        key = key.substring(0, colon).strip();
                    }
                    attributes.put(key, new Attr(type, unquote(piece.substring(eq + 1))));
                }
            }
            if (!paths.isEmpty() || !attributes.isEmpty() || !directives.isEmpty()) {
                out.add(new Clause(List.copyOf(paths), attributes, directives));
            }
        }
        return out;
    }

    /** Splits at {@code separator} outside quotes; pieces are stripped, blank ones dropped. */
    static List<String> split(String text, char separator) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted && ch == '\\' && i + 1 < text.length()) {
                current.append(ch).append(text.charAt(++i));
                continue;
            }
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == separator && !quoted) {
                add(out, current);
                continue;
            }
            current.append(ch);
        }
        add(out, current);
        return out;
    }

    private static void add(List<String> out, StringBuilder current) {
        String piece = current.toString().strip();
        if (!piece.isEmpty()) {
            out.add(piece);
        }
        current.setLength(0);
    }

    /** @return the value stripped, its surrounding quotes removed and {@code \x} escapes resolved */
    static String unquote(String raw) {
        String v = raw.strip();
        if (v.length() < 2 || v.charAt(0) != '"' || v.charAt(v.length() - 1) != '"') {
            return v;
        }
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 1; i < v.length() - 1; i++) {
            char ch = v.charAt(i);
            if (ch == '\\' && i + 1 < v.length() - 1) {
                ch = v.charAt(++i);
            }
            b.append(ch);
        }
        return b.toString();
    }
}
