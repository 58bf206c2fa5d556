package dev.orrery.guard.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the analysis knows while walking a line: variables set earlier, the current folder, nesting. */
final class Ctx {
    final Map<String, List<String>> vars;
    /** Absolute current folder after a literal {@code cd}, or null when unknown. */
    String cwd;
    final int depth;

    Ctx(Map<String, List<String>> vars, String cwd, int depth) {
        this.vars = vars;
        this.cwd = cwd;
        this.depth = depth;
    }

    static Ctx top() {
        return new Ctx(new HashMap<>(), null, 0);
    }

    /** @return a copy for a subshell */
    Ctx copy() {
        return new Ctx(new HashMap<>(vars), cwd, depth);
    }

    /** @return a copy one shell deeper ({@code sh -c}, {@code eval}, content piped into a shell) */
    Ctx deeper() {
        return new Ctx(new HashMap<>(vars), cwd, depth + 1);
    }

    /** @return the known values of a variable, or null when unknown ({@code HOME} is {@code /root} unless set) */
    List<String> var(String name) {
        if (vars.containsKey(name)) {
            return vars.get(name);
        }
        return "HOME".equals(name) ? List.of("/root") : null;
    }
}
