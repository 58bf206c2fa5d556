package dev.orrery.guard.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GNU-style options of a command (anywhere before {@code --}), its values and its operands. */
final class Opts {
    final Set<String> flags = new LinkedHashSet<>();
    final Map<String, String> values = new HashMap<>();
    final List<Field> operands = new ArrayList<>();
    /** The option words as written, for messages. */
    final List<String> written = new ArrayList<>();

    private Opts() {
    }

    /**
     * @param args the arguments
     * @param shortWithValue short options that take a value
     * @param longWithValue long options (with {@code --}) that take a value
     */
    static Opts parse(List<Field> args, String shortWithValue, Set<String> longWithValue) {
        Opts o = new Opts();
        boolean end = false;
        for (int i = 0; i < args.size(); i++) {
            Field f = args.get(i);
            String a = f.plain();
            if (end || !a.startsWith("-") || "-".equals(a) || Marks.unknown(f.marked()) && !a.startsWith("--")) {
                o.operands.add(f);
                continue;
            }
            if ("--".equals(a)) {
                end = true;
                continue;
            }
            o.written.add(a);
            if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                String name = eq > 0 ? a.substring(0, eq) : a;
                o.flags.add(name);
                if (eq > 0) {
                    o.values.put(name, a.substring(eq + 1));
                } else if (longWithValue.contains(name) && i + 1 < args.size()) {
                    o.values.put(name, args.get(++i).plain());
                }
                continue;
            }
            for (int k = 1; k < a.length(); k++) {
                String name = String.valueOf(a.charAt(k));
                o.flags.add(name);
                if (shortWithValue.indexOf(a.charAt(k)) >= 0) {
                    if (k + 1 < a.length()) {
                        o.values.put(name, a.substring(k + 1));
                    } else if (i + 1 < args.size()) {
                        o.values.put(name, args.get(++i).plain());
                    }
                    break;
                }
            }
        }
        return o;
    }

    boolean has(String... names) {
        for (String n : names) {
            if (flags.contains(n)) {
                return true;
            }
        }
        return false;
    }

    /** @return the option words as written, e.g. {@code -rf} */
    String shown() {
        return written.isEmpty() ? "" : " " + String.join(" ", written);
    }
}
