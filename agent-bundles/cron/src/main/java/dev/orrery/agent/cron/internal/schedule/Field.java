package dev.orrery.agent.cron.internal.schedule;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * One field of a cron expression: the set of values it allows, parsed from {@code *}, {@code ?},
 * numbers or names, ranges {@code a-b}, steps {@code x/n} and comma lists.
 */
final class Field {
    private final String name;
    private final int min;
    private final int max;
    private final BitSet values;
    private final boolean any;

    private Field(String name, int min, int max, BitSet values, boolean any) {
        this.name = name;
        this.min = min;
        this.max = max;
        this.values = values;
        this.any = any;
    }

    /**
     * @param name the field's name for error messages
     * @param text the field text
     * @param min smallest value
     * @param max largest value
     * @param names names for values from {@code min} on (e.g. JAN for 1), or an empty list
     * @return the field
     * @throws IllegalArgumentException naming the field and what is wrong
     */
    static Field parse(String name, String text, int min, int max, List<String> names) {
        BitSet bits = new BitSet(max + 1);
        boolean any = text.equals("*") || text.equals("?");
        for (String item : text.split(",", -1)) {
            if (item.isEmpty()) {
                throw bad(name, text, "an empty list item");
            }
            int step = 1;
            String range = item;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = number(name, item.substring(slash + 1), text);
                if (step < 1) {
                    throw bad(name, text, "a step below 1");
                }
            }
            int from;
            int to;
            if (range.equals("*") || range.equals("?")) {
                from = min;
                to = max;
            } else {
                int dash = range.indexOf('-', 1);
                from = value(name, dash < 0 ? range : range.substring(0, dash), min, names, text);
                to = dash < 0 ? (slash >= 0 ? max : from) : value(name, range.substring(dash + 1), min, names, text);
            }
            if (from < min || to > max || from > max || to < min) {
                throw bad(name, text, "a value outside " + min + "-" + max);
            }
            if (from > to) {
                throw bad(name, text, "a range that runs backwards (" + range + ")");
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return new Field(name, min, max, bits, any);
    }

    /** @return whether the field is {@code *} or {@code ?} (matters for day of month and day of week) */
    boolean any() {
        return any;
    }

    boolean has(int v) {
        return values.get(v);
    }

    /** @return the first allowed value at or after {@code v}, or -1 */
    int next(int v) {
        return v > max ? -1 : values.nextSetBit(Math.max(v, min));
    }

    /** @return the smallest allowed value */
    int first() {
        return values.nextSetBit(min);
    }

    @Override
    public String toString() {
        return name + values;
    }

    private static int value(String field, String token, int min, List<String> names, String text) {
        String upper = token.toUpperCase(Locale.ROOT);
        int i = names.indexOf(upper);
        if (i >= 0) {
            return min + i;
        }
        return number(field, token, text);
    }

    private static int number(String field, String token, String text) {
        if (token.isEmpty() || token.length() > 4 || !token.chars().allMatch(Character::isDigit)) {
            throw bad(field, text, "'" + token + "', which is neither a number nor a known name");
        }
        return Integer.parseInt(token);
    }

    private static IllegalArgumentException bad(String field, String text, String what) {
        return new IllegalArgumentException("the " + field + " field '" + text + "' has " + what);
    }
}
