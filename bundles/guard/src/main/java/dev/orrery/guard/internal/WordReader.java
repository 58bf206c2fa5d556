package dev.orrery.guard.internal;

import java.util.ArrayList;
import java.util.List;

/** Reads one shell word: quotes, escapes, {@code $'..'}, parameters, substitutions, arithmetic. */
final class WordReader {
    private final Scanner s;
    private final List<Ast.Part> parts = new ArrayList<>();
    private final StringBuilder lit = new StringBuilder();
    private final List<Integer> litPos = new ArrayList<>();
    private boolean litQuoted;

    private WordReader(Scanner s) {
        this.s = s;
    }

    /** @return the word at the scanner's position, or {@code null} when a delimiter is there */
    static Ast.Word read(Scanner s) {
        return new WordReader(s).word();
    }

    /** @return the {@code $( )} or backtick substitution at the scanner's position */
    static Ast.Subst substitutionAt(Scanner s) {
        if (s.peek() == '`') {
            return Substitutions.backtick(s, false);
        }
        s.pos++;
        return Substitutions.paren(s, false);
    }

    private Ast.Word word() {
        int start = s.pos;
        while (!s.eof()) {
            char c = s.peek();
            if ((c == '<' || c == '>') && s.peek(1) == '(') {
                s.pos++;
                add(Substitutions.paren(s, false));
                continue;
            }
            if (c == '(' && extglobOrArray()) {
                balancedLiteral();
                continue;
            }
            if (Scanner.delimiter(c)) {
                break;
            }
            switch (c) {
                case '\\' -> escape();
                case '\'' -> single();
                case '"' -> dbl();
                case '$' -> dollar(false);
                case '`' -> add(Substitutions.backtick(s, false));
                case '~' -> {
                    if (s.pos == start) {
                        tilde();
                    } else {
                        chr(c, false);
                    }
                }
                default -> chr(c, false);
            }
        }
        if (s.pos == start) {
            return null;
        }
        flush();
        return new Ast.Word(s.orig(start), s.origEnd(s.pos), s.text.substring(start, s.pos), List.copyOf(parts));
    }

    private boolean extglobOrArray() {
        if (lit.length() == 0 || litQuoted) {
            return false;
        }
        char last = lit.charAt(lit.length() - 1);
        return "@!+*?=".indexOf(last) >= 0;
    }

    private void balancedLiteral() {
        int level = 0;
        do {
            char c = s.peek();
            if (c == '\0') {
                throw new ParseException("unbalanced parenthesis");
            }
            level += c == '(' ? 1 : c == ')' ? -1 : 0;
            chr(c, false);
        } while (level > 0);
    }

    private void chr(char c, boolean quoted) {
        if (quoted != litQuoted) {
            flush();
            litQuoted = quoted;
        }
        lit.append(c);
        litPos.add(s.orig(s.pos));
        s.pos++;
    }

    private void charAt(char c, int origPos, boolean quoted) {
        if (quoted != litQuoted) {
            flush();
            litQuoted = quoted;
        }
        lit.append(c);
        litPos.add(origPos);
    }

    private void flush() {
        if (lit.length() > 0) {
            parts.add(new Ast.Lit(lit.toString(), litQuoted, litPos.stream().mapToInt(Integer::intValue).toArray()));
            lit.setLength(0);
            litPos.clear();
        }
    }

    private void add(Ast.Part part) {
        flush();
        parts.add(part);
    }

    private void escape() {
        if (s.peek(1) == '\n') {
            s.pos += 2;
        } else if (s.peek(1) == '\0') {
            chr('\\', true);
        } else {
            s.pos++;
            chr(s.peek(), true);
        }
    }

    private void single() {
        s.pos++;
        while (s.peek() != '\'') {
            if (s.eof()) {
                throw new ParseException("unbalanced single quote");
            }
            chr(s.peek(), true);
        }
        s.pos++;
    }

    private void dbl() {
        s.pos++;
        while (s.peek() != '"') {
            char c = s.peek();
            if (s.eof()) {
                throw new ParseException("unbalanced double quote");
            }
            if (c == '\\' && "$`\"\\\n".indexOf(s.peek(1)) >= 0 && s.peek(1) != '\0') {
                if (s.peek(1) == '\n') {
                    s.pos += 2;
                } else {
                    s.pos++;
                    chr(s.peek(), true);
                }
            } else if (c == '$') {
                dollar(true);
            } else if (c == '`') {
                add(Substitutions.backtick(s, true));
            } else {
                chr(c, true);
            }
        }
        s.pos++;
    }

    private void tilde() {
        int start = s.pos++;
        while (!Scanner.delimiter(s.peek()) && s.peek() != '/' && (Character.isLetterOrDigit(s.peek())
                || "._-".indexOf(s.peek()) >= 0)) {
            s.pos++;
        }
        if (!Scanner.delimiter(s.peek()) && s.peek() != '/') {
            s.pos = start;
            chr('~', false);
            return;
        }
        add(new Ast.Tilde(s.text.substring(start + 1, s.pos)));
    }

    private void dollar(boolean quoted) {
        char n = s.peek(1);
        if (n == '\'' && !quoted) {
            s.pos += 2;
            AnsiC.decode(s, this::charAt);
        } else if (n == '"' && !quoted) {
            s.pos++;
            dbl();
        } else if (n == '(' && s.peek(2) == '(') {
            add(Dollar.arith(s));
        } else if (n == '(') {
            s.pos++;
            add(Substitutions.paren(s, quoted));
        } else if (n == '{') {
            add(Dollar.braced(s, quoted));
        } else if (Character.isLetter(n) || n == '_') {
            int start = s.pos++;
            while (Character.isLetterOrDigit(s.peek()) || s.peek() == '_') {
                s.pos++;
            }
            String name = s.text.substring(start + 1, s.pos);
            add(new Ast.Param(name, s.text.substring(start, s.pos), quoted, false, List.of()));
        } else if (n != '\0' && "0123456789@*#?$!-".indexOf(n) >= 0) {
            s.pos += 2;
            String name = Character.isDigit(n) || n == '@' || n == '*' ? String.valueOf(n) : null;
            add(new Ast.Param(name, "$" + n, quoted, false, List.of()));
        } else {
            chr('$', quoted);
        }
    }
}
