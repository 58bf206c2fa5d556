package dev.orrery.center.market.internal.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** OSGi versions ({@code major[.minor[.micro[.qualifier]]]}) and version ranges, as in the OSGi core specification. */
final class Versions {
    private static final Pattern VERSION = Pattern.compile("(\\d{1,9})(?:\\.(\\d{1,9})(?:\\.(\\d{1,9})(?:\\.([0-9A-Za-z_-]+))?)?)?");

    /**
     * A version range: {@code floor} (inclusive when {@code floorIncluded}) up to {@code ceiling} ({@code null} = unbounded).
     */
    record Range(String floor, boolean floorIncluded, String ceiling, boolean ceilingIncluded) {
    }

    private Versions() {
    }

    /**
     * @param text a version, may be {@code null}
     * @return it normalised to {@code major.minor.micro[.qualifier]}, or {@code null} when it is not a valid OSGi version
     */
    static String normalise(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = VERSION.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        String v = Integer.parseInt(m.group(1)) + "." + number(m.group(2)) + "." + number(m.group(3));
        return m.group(4) == null ? v : v + "." + m.group(4);
    }

    /**
     * @param text {@code [a,b)}, {@code (a,b]}, … or a bare version {@code a} (= {@code a} and up)
     * @return the range, or {@code null} when it is not a valid range
     */
    static Range range(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        char first = t.charAt(0);
        if (first != '[' && first != '(') {
            String v = normalise(t);
            return v == null ? null : new Range(v, true, null, false);
        }
        char last = t.charAt(t.length() - 1);
        int comma = t.indexOf(',');
        if (t.length() < 5 || (last != ']' && last != ')') || comma < 0) {
            return null;
        }
        String floor = normalise(t.substring(1, comma));
        String ceiling = normalise(t.substring(comma + 1, t.length() - 1));
        if (floor == null || ceiling == null) {
            return null;
        }
        return new Range(floor, first == '[', ceiling, last == ']');
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }
}
