package dev.orrery.guard.internal;

import dev.orrery.guard.ProgramWord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds the program words of a command line (see {@link dev.orrery.guard.ShellWords}). */
public final class Programs {
    private final String line;
    private final Map<Integer, ProgramWord> found = new LinkedHashMap<>();

    private Programs(String line) {
        this.line = line;
    }

    /**
     * @param line a command line
     * @return its program words by start offset
     * @throws ParseException when it cannot be parsed
     */
    public static List<ProgramWord> of(String line) {
        if (line == null) {
            return List.of();
        }
        Programs p = new Programs(line);
        try {
            p.script(Parser.parse(line));
        } catch (StackOverflowError e) {
            throw new ParseException("nested too deeply");
        }
        List<ProgramWord> out = new ArrayList<>(p.found.values());
        out.sort(Comparator.comparingInt(ProgramWord::start));
        return out;
    }

    private void script(Ast.Script script) {
        for (Ast.Pipeline p : script.pipelines()) {
            for (int i = 0; i < p.commands().size(); i++) {
                command(p.commands().get(i), i > 0 ? p.commands().get(i - 1) : null);
            }
        }
    }

    private void command(Ast.Command c, Ast.Command before) {
        if (c instanceof Ast.Group g) {
            script(g.body());
            redirs(g.redirs());
        } else if (c instanceof Ast.FuncDef f) {
            command(f.body(), null);
        } else if (c instanceof Ast.Simple s) {
            s.assigns().forEach(this::nested);
            s.words().forEach(this::nested);
            redirs(s.redirs());
            if (s.kind() == Ast.Kind.NORMAL && !s.words().isEmpty()) {
                argv(s, s.words(), 0, s.words().size(), before);
            }
        }
    }

    private void redirs(List<Ast.Redir> redirs) {
        for (Ast.Redir r : redirs) {
            nested(r.target());
        }
    }

    private void nested(Ast.Word w) {
        for (Ast.Part part : w.parts()) {
            if (part instanceof Ast.Subst s) {
                script(s.script());
            } else if (part instanceof Ast.Param p) {
                p.inner().forEach(this::script);
            } else if (part instanceof Ast.Arith a) {
                a.inner().forEach(this::script);
            }
        }
    }

    /** The program at words[from] and what it wraps, within words[from, to). */
    private void argv(Ast.Simple s, List<Ast.Word> words, int from, int to, Ast.Command before) {
        int cur = from;
        while (cur < to) {
            Ast.Word w = words.get(cur);
            found.putIfAbsent(w.start(), new ProgramWord(w.start(), w.end(), line.substring(w.start(), w.end())));
            List<String> values = new ArrayList<>();
            for (int i = cur; i < to; i++) {
                values.add(words.get(i).literal());
            }
            if (values.get(0) != null && "find".equals(Wrappers.base(values.get(0)))) {
                for (int[] range : Wrappers.findExecs(values)) {
                    argv(s, words, cur + range[0], cur + range[1], null);
                }
                return;
            }
            Wrappers.Step step = Wrappers.step(values);
            switch (step.kind()) {
                case WRAP, XARGS -> cur += step.index();
                case SHELL_C -> {
                    inner(words.subList(cur + step.index(), cur + step.index() + 1));
                    return;
                }
                case EVAL -> {
                    inner(words.subList(cur + step.index(), to));
                    return;
                }
                case STDIN -> {
                    stdin(s, before);
                    return;
                }
                default -> {
                    return;
                }
            }
        }
    }

    private void stdin(Ast.Simple s, Ast.Command before) {
        heredocs(s);
        if (before instanceof Ast.Simple c && c.kind() == Ast.Kind.NORMAL && !c.words().isEmpty()
                && "cat".equals(c.words().get(0).literal())) {
            heredocs(c);
        }
        if (before instanceof Ast.Simple e && e.kind() == Ast.Kind.NORMAL && e.words().size() > 1
                && "echo".equals(e.words().get(0).literal())) {
            inner(e.words().subList(1, e.words().size()));
        }
    }

    private void heredocs(Ast.Simple s) {
        for (Ast.Redir r : s.redirs()) {
            if (r.heredoc() != null) {
                script(Parser.all(new Scanner(r.heredoc().body, r.heredoc().map, 1)));
            } else if ("<<<".equals(r.op())) {
                inner(List.of(r.target()));
            }
        }
    }

    /** Parses the words (joined by spaces) as shell text, keeping the original offsets. */
    private void inner(List<Ast.Word> words) {
        StringBuilder text = new StringBuilder();
        List<Integer> map = new ArrayList<>();
        for (Ast.Word w : words) {
            if (text.length() > 0) {
                text.append(' ');
                map.add(map.isEmpty() ? w.start() : map.get(map.size() - 1) + 1);
            }
            Text.append(w, text, map);
        }
        map.add(map.isEmpty() ? (words.isEmpty() ? 0 : words.get(0).end()) : map.get(map.size() - 1) + 1);
        script(Parser.all(new Scanner(text.toString(), map.stream().mapToInt(Integer::intValue).toArray(), 1)));
    }
}
