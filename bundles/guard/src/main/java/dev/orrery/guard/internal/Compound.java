package dev.orrery.guard.internal;

import java.util.ArrayList;
import java.util.List;

/** The compound commands whose words are data: {@code for}/{@code select} headers, {@code case}, {@code [[ ]]}. */
final class Compound {
    private Compound() {
    }

    /** {@code for NAME [in WORDS]} up to the separator; words = [NAME, WORDS...]. */
    static Ast.Command forHeader(Scanner s) {
        s.pos += s.atReserved("for") ? 3 : 6;
        s.skipBlanks();
        if (s.at("((")) {
            Ast.Arith a = Dollar.arithCommand(s);
            return new Ast.Simple(List.of(), List.of(new Ast.Word(0, 0, a.raw(), List.of(a))), List.of(), Ast.Kind.KEYWORD);
        }
        List<Ast.Word> words = new ArrayList<>();
        Ast.Word name = WordReader.read(s);
        if (name == null) {
            throw new ParseException("for without a name");
        }
        words.add(name);
        s.skipBlankLines();
        if (s.atReserved("in")) {
            s.pos += 2;
            while (true) {
                s.skipBlanks();
                char c = s.peek();
                if (c == '\0' || c == '\n' || c == ';' || c == '&' || c == '|' || c == ')') {
                    break;
                }
                Ast.Word w = WordReader.read(s);
                if (w == null) {
                    throw new ParseException("unexpected '" + c + "'");
                }
                words.add(w);
            }
        }
        return new Ast.Simple(List.of(), words, List.of(), Ast.Kind.FOR);
    }

    /** {@code case WORD in [(]PATTERN[|PATTERN]) LIST ;; ... esac}: one group of all the branches. */
    static Ast.Command caseCommand(Scanner s, Parser parser) {
        s.pos += 4;
        s.skipBlanks();
        Ast.Word subject = WordReader.read(s);
        if (subject == null) {
            throw new ParseException("case without a word");
        }
        List<Ast.Pipeline> all = new ArrayList<>();
        all.add(new Ast.Pipeline(List.of(new Ast.Simple(List.of(), List.of(subject), List.of(), Ast.Kind.KEYWORD)), false));
        s.skipBlankLines();
        if (!s.atReserved("in")) {
            throw new ParseException("case without 'in'");
        }
        s.pos += 2;
        s.enter();
        while (true) {
            s.skipBlankLines();
            if (s.atReserved("esac")) {
                s.pos += 4;
                break;
            }
            if (s.eof()) {
                throw new ParseException("missing esac");
            }
            if (s.peek() == '(') {
                s.pos++;
            }
            List<Ast.Word> patterns = new ArrayList<>();
            while (s.peek() != ')') {
                s.skipBlanks();
                if (s.peek() == '|') {
                    s.pos++;
                    continue;
                }
                Ast.Word w = WordReader.read(s);
                if (w == null && s.peek() != ')') {
                    throw new ParseException("bad case pattern");
                }
                if (w != null) {
                    patterns.add(w);
                }
            }
            s.pos++;
            all.add(new Ast.Pipeline(List.of(new Ast.Simple(List.of(), patterns, List.of(), Ast.Kind.KEYWORD)), false));
            all.addAll(parser.list(Parser.Term.CASE).pipelines());
            for (String end : new String[] {";;&", ";;", ";&"}) {
                if (s.at(end)) {
                    s.pos += end.length();
                    break;
                }
            }
        }
        s.leave();
        return new Ast.Group(new Ast.Script(all), false, List.of());
    }

    /** {@code [[ ... ]]}: operators are words here. */
    static Ast.Command test(Scanner s) {
        s.pos += 2;
        List<Ast.Word> words = new ArrayList<>();
        while (true) {
            s.skipBlanks();
            if (s.eof()) {
                throw new ParseException("missing ]]");
            }
            if (s.atReserved("]]")) {
                s.pos += 2;
                break;
            }
            char c = s.peek();
            if (c == '\n') {
                s.newline();
            } else if ("<>&|()!".indexOf(c) >= 0) {
                s.pos++;
            } else {
                Ast.Word w = WordReader.read(s);
                if (w == null) {
                    throw new ParseException("unexpected '" + c + "'");
                }
                words.add(w);
            }
        }
        return new Ast.Simple(List.of(), words, List.of(), Ast.Kind.KEYWORD);
    }
}
