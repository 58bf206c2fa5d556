package dev.orrery.guard.internal;

import static dev.orrery.guard.GuardRules.FORK_BOMB;

import java.util.Set;
import java.util.regex.Pattern;

/** A shell function that starts copies of itself in a pipe or in the background; fork loops in scripting languages. */
final class ForkBomb {
    private static final Set<String> INTERPRETERS = Set.of("perl", "python", "python2", "python3", "ruby", "node",
            "php");
    private static final Pattern FORK_LOOP = Pattern.compile(
            "(?s)(\\b(while|for|until|loop|times|each)\\b.*\\bfork\\b|\\bfork\\b.*\\b(while|until|loop)\\b)");

    private ForkBomb() {
    }

    static void check(Ast.FuncDef f, Sink s) {
        scan(f.name(), f.body(), s);
    }

    private static boolean scan(String name, Ast.Command c, Sink s) {
        if (c instanceof Ast.Group g) {
            return script(name, g.body(), s);
        }
        if (c instanceof Ast.FuncDef inner) {
            return scan(name, inner.body(), s);
        }
        return false;
    }

    private static boolean script(String name, Ast.Script script, Sink s) {
        for (Ast.Pipeline p : script.pipelines()) {
            long calls = p.commands().stream().filter(c -> calls(name, c)).count();
            if (calls > 0 && (p.commands().size() > 1 || p.background())) {
                return s.block(FORK_BOMB, "function " + name + " starts copies of itself "
                        + (p.commands().size() > 1 ? "in a pipe" : "in the background") + " (fork bomb)");
            }
            for (Ast.Command c : p.commands()) {
                if (scan(name, c, s)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean calls(String name, Ast.Command c) {
        if (c instanceof Ast.Simple s) {
            return !s.words().isEmpty() && name.equals(s.words().get(0).literal());
        }
        if (c instanceof Ast.Group g) {
            return g.body().pipelines().stream().flatMap(p -> p.commands().stream()).anyMatch(x -> calls(name, x));
        }
        return false;
    }

    /** {@code perl -e 'fork while fork'}, {@code python -c 'while 1: os.fork()'}... */
    static void scripts(Cmd c, Sink s) {
        if (!INTERPRETERS.contains(c.prog())) {
            return;
        }
        for (Field f : c.args()) {
            if (FORK_LOOP.matcher(f.plain()).find()) {
                s.block(FORK_BOMB, c.prog() + " code forks in a loop (fork bomb)");
                return;
            }
        }
    }
}
