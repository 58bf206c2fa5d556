package dev.orrery.guard.internal;

import java.util.List;

/** The parsed form of a command line. Offsets are into the original (top-level) line. */
final class Ast {
    private Ast() {
    }

    /** Commands joined by {@code ; & && ||} or newlines, in order. */
    record Script(List<Pipeline> pipelines) {
    }

    /** Commands joined by {@code |}; {@code background} when followed by {@code &}. */
    record Pipeline(List<Command> commands, boolean background) {
    }

    /** One command of a pipeline. */
    sealed interface Command permits Simple, Group, FuncDef {
    }

    /** What a simple command is: a program run, or shell syntax whose words are data. */
    enum Kind { NORMAL, KEYWORD, FOR }

    /**
     * A simple command.
     *
     * @param assigns leading {@code NAME=value} words
     * @param words the command word and its arguments (for KEYWORD and FOR: data words only)
     * @param redirs redirections
     * @param kind what it is
     */
    record Simple(List<Word> assigns, List<Word> words, List<Redir> redirs, Kind kind) implements Command {
    }

    /** {@code ( )} (subshell) or {@code { }} / case / control body (same shell). */
    record Group(Script body, boolean subshell, List<Redir> redirs) implements Command {
    }

    /** {@code name() body} or {@code function name body}. */
    record FuncDef(String name, Command body) implements Command {
    }

    /**
     * A redirection.
     *
     * @param op the operator ({@code > >> >| < <> >& <& &> &>> << <<- <<<})
     * @param target the word after it (for here-documents: the delimiter)
     * @param heredoc the body of a here-document, or {@code null}
     */
    record Redir(String op, Word target, Heredoc heredoc) {
        boolean writes() {
            return op.startsWith(">") && !">&".equals(op) || op.startsWith("&>") || "<>".equals(op)
                    || ">&".equals(op) && target != null && !target.raw().matches("[0-9]+-?|-");
        }
    }

    /** The body of a here-document, filled when the parser reaches the end of its line. */
    static final class Heredoc {
        final String delimiter;
        final boolean stripTabs;
        String body = "";
        int[] map = new int[] {0};

        Heredoc(String delimiter, boolean stripTabs) {
            this.delimiter = delimiter;
            this.stripTabs = stripTabs;
        }
    }

    /**
     * A word.
     *
     * @param start offset of its first character
     * @param end offset after its last character
     * @param raw the word as written
     * @param parts its pieces
     */
    record Word(int start, int end, String raw, List<Part> parts) {
        /** @return the value when the word holds no expansion, else {@code null} */
        String literal() {
            StringBuilder b = new StringBuilder();
            for (Part p : parts) {
                if (!(p instanceof Lit l)) {
                    return null;
                }
                b.append(l.text());
            }
            return b.toString();
        }

        /** @return whether no part of it was quoted or escaped */
        boolean unquoted() {
            return parts.stream().allMatch(p -> p instanceof Lit l && !l.quoted());
        }
    }

    /** A piece of a word. */
    sealed interface Part permits Lit, Param, Subst, Arith, Tilde {
    }

    /** Literal text; {@code pos[i]} is the original offset of character i. */
    record Lit(String text, boolean quoted, int[] pos) implements Part {
    }

    /**
     * {@code $NAME} or {@code ${...}}; {@code name} is null when not a plain name; {@code nonEmpty} for
     * {@code ${x:?}}; {@code inner} the command substitutions inside {@code ${ }}.
     */
    record Param(String name, String raw, boolean quoted, boolean nonEmpty, List<Script> inner) implements Part {
    }

    /** {@code $( )}, backticks, {@code <( )} or {@code >( )}. */
    record Subst(Script script, String raw, boolean quoted) implements Part {
    }

    /** {@code $(( ))}, with the command substitutions found inside. */
    record Arith(String raw, List<Script> inner) implements Part {
    }

    /** An unquoted leading {@code ~} or {@code ~user}. */
    record Tilde(String user) implements Part {
    }
}
