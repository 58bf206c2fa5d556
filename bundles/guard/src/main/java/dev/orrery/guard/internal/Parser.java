package dev.orrery.guard.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Recursive-descent parser of the shell grammar the guard follows (see docs/guard.md). */
final class Parser {
    /** What ends the list being parsed. */
    enum Term { EOF, PAREN, BRACE, CASE }

    private static final Set<String> PREFIX_KEYWORDS = Set.of("if", "then", "else", "elif", "do", "while", "until",
            "!", "fi", "done", "esac");
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\[[^]]*])?\\+?=.*",
            Pattern.DOTALL);

    private final Scanner s;

    Parser(Scanner s) {
        this.s = s;
    }

    /** @return the parsed line */
    static Ast.Script parse(String line) {
        return all(Scanner.top(line));
    }

    /** @return the whole text of the scanner, parsed */
    static Ast.Script all(Scanner scanner) {
        return new Parser(scanner).list(Term.EOF);
    }

    Ast.Script list(Term term) {
        List<Ast.Pipeline> out = new ArrayList<>();
        while (true) {
            s.skipBlankLines();
            while (s.peek() == ';' && !s.at(";;")) {
                s.pos++;
                s.skipBlankLines();
            }
            if (s.eof()) {
                if (term != Term.EOF) {
                    throw new ParseException("missing " + (term == Term.PAREN ? "')'" : term == Term.BRACE ? "'}'" : "esac"));
                }
                break;
            }
            if (s.peek() == ')') {
                if (term == Term.PAREN) {
                    break;
                }
                throw new ParseException("unbalanced ')'");
            }
            if (term == Term.BRACE && s.atReserved("}") || term == Term.CASE && (s.at(";;") || s.at(";&")
                    || s.atReserved("esac"))) {
                break;
            }
            int before = s.pos;
            List<Ast.Command> cmds = pipeline(term);
            s.skipBlanks();
            boolean background = false;
            if (s.at("&&") || s.at("||")) {
                s.pos += 2;
            } else if (s.peek() == '&') {
                s.pos++;
                background = true;
            } else if (s.peek() == ';' && !s.at(";;") && !s.at(";&")) {
                s.pos++;
            } else if (s.peek() == '\n') {
                s.newline();
            }
            out.add(new Ast.Pipeline(cmds, background));
            if (s.pos == before) {
                throw new ParseException("unexpected '" + s.peek() + "'");
            }
        }
        return new Ast.Script(out);
    }

    private List<Ast.Command> pipeline(Term term) {
        List<Ast.Command> cmds = new ArrayList<>();
        cmds.add(command(term));
        while (true) {
            s.skipBlanks();
            if (s.peek() != '|' || s.at("||")) {
                return cmds;
            }
            s.pos += s.at("|&") ? 2 : 1;
            s.skipBlankLines();
            cmds.add(command(term));
        }
    }

    Ast.Command command(Term term) {
        s.skipBlanks();
        if (s.at("((")) {
            Ast.Arith a = Dollar.arithCommand(s);
            Ast.Word w = new Ast.Word(0, 0, a.raw(), List.of(a));
            return new Ast.Simple(List.of(), List.of(w), redirects(), Ast.Kind.KEYWORD);
        }
        if (s.peek() == '(') {
            s.pos++;
            s.enter();
            Ast.Script body = list(Term.PAREN);
            s.pos++;
            s.leave();
            return new Ast.Group(body, true, redirects());
        }
        if (s.atReserved("{")) {
            s.pos++;
            s.enter();
            Ast.Script body = list(Term.BRACE);
            s.pos++;
            s.leave();
            return new Ast.Group(body, false, redirects());
        }
        return simple(term);
    }

    private List<Ast.Redir> redirects() {
        List<Ast.Redir> out = new ArrayList<>();
        s.skipBlanks();
        while (Redirects.ahead(s)) {
            out.add(Redirects.read(s));
            s.skipBlanks();
        }
        return out;
    }

    private Ast.Command simple(Term term) {
        List<Ast.Word> assigns = new ArrayList<>();
        List<Ast.Word> words = new ArrayList<>();
        List<Ast.Redir> redirs = new ArrayList<>();
        while (true) {
            s.skipBlanks();
            char c = s.peek();
            if (Redirects.ahead(s)) {
                redirs.add(Redirects.read(s));
                continue;
            }
            if (c == '\0' || c == '\n' || c == ';' || c == '&' || c == '|' || c == ')') {
                break;
            }
            if (words.isEmpty()) {
                if (term == Term.BRACE && s.atReserved("}") || term == Term.CASE && s.atReserved("esac")) {
                    break;
                }
                Ast.Command special = keyword(term, assigns, redirs);
                if (special != null) {
                    return special;
                }
                if (skipPrefixKeyword()) {
                    continue;
                }
            }
            if (c == '(') {
                if (words.size() == 1 && assigns.isEmpty() && s.text.substring(s.pos + 1).trim().startsWith(")")) {
                    s.pos = s.text.indexOf(')', s.pos) + 1;
                    s.skipBlankLines();
                    return new Ast.FuncDef(words.get(0).raw(), command(term));
                }
                throw new ParseException("unexpected '('");
            }
            Ast.Word w = WordReader.read(s);
            if (w == null) {
                throw new ParseException("unexpected '" + c + "'");
            }
            if (words.isEmpty() && assignment(w)) {
                assigns.add(w);
            } else {
                words.add(w);
            }
        }
        return new Ast.Simple(assigns, words, redirs, Ast.Kind.NORMAL);
    }

    private boolean skipPrefixKeyword() {
        for (String k : PREFIX_KEYWORDS) {
            if (s.atReserved(k)) {
                s.pos += k.length();
                return true;
            }
        }
        return false;
    }

    private static boolean assignment(Ast.Word w) {
        return !w.parts().isEmpty() && w.parts().get(0) instanceof Ast.Lit l && !l.quoted()
                && ASSIGNMENT.matcher(l.text()).matches();
    }

    private Ast.Command keyword(Term term, List<Ast.Word> assigns, List<Ast.Redir> redirs) {
        if (s.atReserved("for") || s.atReserved("select")) {
            return Compound.forHeader(s);
        }
        if (s.atReserved("case")) {
            return Compound.caseCommand(s, this);
        }
        if (s.atReserved("function")) {
            s.pos += "function".length();
            s.skipBlanks();
            Ast.Word name = WordReader.read(s);
            if (name == null) {
                throw new ParseException("function without a name");
            }
            s.skipBlanks();
            if (s.peek() == '(') {
                int close = s.text.indexOf(')', s.pos);
                if (close < 0) {
                    throw new ParseException("unbalanced '('");
                }
                s.pos = close + 1;
            }
            s.skipBlankLines();
            return new Ast.FuncDef(name.raw(), command(term));
        }
        if (s.atReserved("[[")) {
            return Compound.test(s);
        }
        return null;
    }
}
