package dev.orrery.center.market.internal.rollout;

import java.util.Comparator;

/**
 * OSGi version order ({@code major.minor.micro.qualifier}: numbers compared as numbers, missing
 * parts are 0, the qualifier compared as text) without the framework on the class path. Text
 * that is no version sorts before every version, and among itself by its text.
 */
public final class Versions {
    /** Lowest first. */
    public static final Comparator<String> ORDER = Versions::compare;

    private Versions() {
    }

    /**
     * @param a a version, may be {@code null} (lowest)
     * @param b a version, may be {@code null}
     * @return as {@link Comparator#compare}
     */
    public static int compare(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        Object[] x = parse(a);
        Object[] y = parse(b);
        if (x == null || y == null) {
            return x == null ? (y == null ? a.compareTo(b) : -1) : 1;
        }
        for (int i = 0; i < 3; i++) {
            int c = Long.compare((Long) x[i], (Long) y[i]);
            if (c != 0) {
                return c;
            }
        }
        return ((String) x[3]).compareTo((String) y[3]);
    }

    /** @return the higher of two versions ({@code a} when equal) */
    public static String max(String a, String b) {
        return compare(a, b) >= 0 ? a : b;
    }

    /**
     * @param a a version, may be {@code null}
     * @param b a version, may be {@code null}
     * @return whether both name the same version ({@code 1.0} and {@code 1.0.0} do)
     */
    public static boolean same(String a, String b) {
        return a != null && b != null && compare(a, b) == 0;
    }

    private static Object[] parse(String v) {
        String[] parts = v.strip().split("\\.", 4);
        Object[] out = {0L, 0L, 0L, ""};
        try {
            for (int i = 0; i < parts.length && i < 3; i++) {
                if (parts[i].isEmpty() || !parts[i].chars().allMatch(Character::isDigit) || parts[i].length() > 18) {
                    return null;
                }
                out[i] = Long.parseLong(parts[i]);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        if (parts.length == 4) {
            out[3] = parts[3];
        }
        return out;
    }
}
