package dev.orrery.bench;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the form {@code --name value} (or {@code --name=value}), and bare
 * {@code --flag}s. Every option must be one the command declares, so that a typo fails loudly
 * instead of silently measuring the defaults.
 */
public final class Args {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> flags = new HashSet<>();

    private Args() {
    }

    /**
     * @param args the arguments
     * @param options names (without {@code --}) that take a value
     * @param flagNames names that take none
     * @return the parsed arguments
     * @throws IllegalArgumentException on an unknown option, a missing value, or a stray word
     */
    public static Args parse(List<String> args, Set<String> options, Set<String> flagNames) {
        Args parsed = new Args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flagNames.contains(name) && value == null) {
                parsed.flags.add(name);
            } else if (options.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                parsed.values.put(name, value);
            } else {
                throw new IllegalArgumentException("unknown option --" + name + " (known: " + known(options, flagNames) + ")");
            }
        }
        return parsed;
    }

    private static String known(Set<String> options, Set<String> flagNames) {
        return String.join(", ", new java.util.TreeSet<>(concat(options, flagNames)));
    }

    private static Set<String> concat(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** @return the option's value, or {@code fallback} when absent */
    public String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /**
     * @return the option as an int within {@code [min, max]}, or {@code fallback} when absent
     * @throws IllegalArgumentException when it is not a number in range
     */
    public int integer(String name, int fallback, int min, int max) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(v.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + v + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException("--" + name + " must be within " + min + ".." + max + ", got " + n);
        }
        return n;
    }

    /** @return whether the flag was given */
    public boolean flag(String name) {
        return flags.contains(name);
    }
}
