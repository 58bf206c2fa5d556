package dev.orrery.guard.internal;

import java.util.ArrayList;
import java.util.List;

/** Command substitutions: {@code $( )}, process substitutions and backticks, parsed recursively. */
final class Substitutions {
    private Substitutions() {
    }

    /** At the {@code (} (just after {@code $}, {@code <} or {@code >}) of {@code $( )}, {@code <( )} or {@code >( )}. */
    static Ast.Subst paren(Scanner s, boolean quoted) {
        int start = s.pos - 1;
        s.pos++;
        s.enter();
        Ast.Script script = new Parser(s).list(Parser.Term.PAREN);
        if (s.peek() != ')') {
            throw new ParseException("unbalanced $( )");
        }
        s.pos++;
        s.leave();
        return new Ast.Subst(script, s.text.substring(start, s.pos), quoted);
    }

    static Ast.Subst backtick(Scanner s, boolean quoted) {
        int start = s.pos++;
        StringBuilder inner = new StringBuilder();
        List<Integer> map = new ArrayList<>();
        while (s.peek() != '`') {
            if (s.eof()) {
                throw new ParseException("unbalanced backquote");
            }
            char c = s.peek();
            if (c == '\\' && ("`\\$".indexOf(s.peek(1)) >= 0 || quoted && s.peek(1) == '"') && s.peek(1) != '\0') {
                s.pos++;
            }
            inner.append(s.peek());
            map.add(s.orig(s.pos));
            s.pos++;
        }
        map.add(s.orig(s.pos));
        s.pos++;
        int[] m = map.stream().mapToInt(Integer::intValue).toArray();
        Scanner sub = new Scanner(inner.toString(), m, s.depth() + 1);
        return new Ast.Subst(Parser.all(sub), s.text.substring(start, s.pos), quoted);
    }
}
