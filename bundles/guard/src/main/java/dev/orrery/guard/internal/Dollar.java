package dev.orrery.guard.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ${...}} and {@code $((...))}: scanned to their end, with the substitutions inside parsed. */
final class Dollar {
    private static final Pattern PLAIN = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*])");
    private static final Pattern NON_EMPTY = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*|[0-9]+):?\\?.*", Pattern.DOTALL);

    private Dollar() {
    }

    /** At {@code ${}. */
    static Ast.Param braced(Scanner s, boolean quoted) {
        int start = s.pos;
        s.pos += 2;
        List<Ast.Script> inner = scan(s, '{', '}', 1, "unbalanced ${ }");
        String raw = s.text.substring(start, s.pos);
        String body = raw.substring(2, raw.length() - 1);
        Matcher plain = PLAIN.matcher(body);
        if (plain.matches()) {
            return new Ast.Param(body, raw, quoted, false, inner);
        }
        Matcher nonEmpty = NON_EMPTY.matcher(body);
        if (nonEmpty.matches()) {
            return new Ast.Param(nonEmpty.group(1), raw, quoted, true, inner);
        }
        return new Ast.Param(null, raw, quoted, false, inner);
    }

    /** At {@code $((}. */
    static Ast.Arith arith(Scanner s) {
        int start = s.pos;
        s.pos += 3;
        List<Ast.Script> inner = scan(s, '(', ')', 2, "unbalanced $(( ))");
        return new Ast.Arith(s.text.substring(start, s.pos), inner);
    }

    /** At {@code ((} of an arithmetic command. */
    static Ast.Arith arithCommand(Scanner s) {
        int start = s.pos;
        s.pos += 2;
        List<Ast.Script> inner = scan(s, '(', ')', 2, "unbalanced (( ))");
        return new Ast.Arith(s.text.substring(start, s.pos), inner);
    }

    /** Scans until the nesting level of open/close drops to zero; parses {@code $( )} and backticks met. */
    private static List<Ast.Script> scan(Scanner s, char open, char close, int level, String error) {
        List<Ast.Script> inner = new ArrayList<>();
        while (level > 0) {
            if (s.eof()) {
                throw new ParseException(error);
            }
            char c = s.peek();
            if (c == '\\') {
                s.pos += 2;
            } else if (c == '\'' && open == '{') {
                int end = s.text.indexOf('\'', s.pos + 1);
                if (end < 0) {
                    throw new ParseException("unbalanced single quote");
                }
                s.pos = end + 1;
            } else if (c == '$' && s.peek(1) == '(' && s.peek(2) != '(' || c == '`') {
                inner.add(WordReader.substitutionAt(s).script());
            } else {
                level += c == open ? 1 : c == close ? -1 : 0;
                s.pos++;
            }
        }
        return inner;
    }
}
