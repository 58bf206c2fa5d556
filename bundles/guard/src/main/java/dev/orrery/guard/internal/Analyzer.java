package dev.orrery.guard.internal;

import static dev.orrery.guard.GuardRules.ACCOUNT_FILES;
import static dev.orrery.guard.GuardRules.DISK_WRITE;
import static dev.orrery.guard.GuardRules.POWER;
import static dev.orrery.guard.GuardRules.UNPARSEABLE;

import dev.orrery.guard.GuardRules;
import dev.orrery.guard.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Walks a parsed command line and applies the rules; one instance per check (not thread-safe). */
public final class Analyzer implements Sink {
    /** Shells inside shells ({@code sh -c "sh -c ..."}, eval, decoded text) followed before refusing. */
    static final int MAX_SHELL_DEPTH = 8;

    final GuardRules rules;
    final Paths paths;
    private final Executor executor = new Executor(this);
    private Verdict found;

    /** @param rules the rules */
    public Analyzer(GuardRules rules) {
        this.rules = rules;
        this.paths = new Paths(rules.systemPaths());
    }

    /**
     * @param command a command line
     * @return the verdict
     */
    public Verdict check(String command) {
        try {
            walk(Parser.parse(command), Ctx.top());
        } catch (ParseException e) {
            block(UNPARSEABLE, "cannot parse the command: " + e.getMessage());
        } catch (StackOverflowError e) {
            block(UNPARSEABLE, "cannot parse the command: nested too deeply");
        } catch (RuntimeException e) {
            // fail closed: a command the analysis cannot finish is refused, never allowed
            block(UNPARSEABLE, "cannot analyse the command (" + e.getClass().getSimpleName() + ")");
        }
        return found == null ? Verdict.allowed() : found;
    }

    @Override
    public boolean block(String rule, String reason) {
        if (found == null && rules.active(rule)) {
            found = Verdict.blocked(rule, reason);
            return true;
        }
        return false;
    }

    boolean done() {
        return found != null;
    }

    void walk(Ast.Script script, Ctx ctx) {
        for (Ast.Pipeline p : script.pipelines()) {
            Ctx c = p.commands().size() > 1 || p.background() ? ctx.copy() : ctx;
            for (int i = 0; i < p.commands().size() && !done(); i++) {
                command(p.commands(), i, c);
            }
            if (done()) {
                return;
            }
        }
    }

    private void command(List<Ast.Command> cmds, int i, Ctx ctx) {
        Ast.Command c = cmds.get(i);
        if (c instanceof Ast.Group g) {
            redirects(g.redirs(), ctx);
            walk(g.body(), g.subshell() ? ctx.copy() : ctx);
        } else if (c instanceof Ast.FuncDef f) {
            ForkBomb.check(f, this);
            command(List.of(f.body()), 0, ctx.copy());
        } else if (c instanceof Ast.Simple s) {
            Supplier<Content> piped = () -> i == 0 ? null : Content.stages(cmds, i, ctx);
            simple(s, piped, ctx);
        }
    }

    private void simple(Ast.Simple s, Supplier<Content> piped, Ctx ctx) {
        List<Ast.Word> all = new ArrayList<>(s.assigns());
        all.addAll(s.words());
        s.redirs().forEach(r -> all.add(r.target()));
        for (Ast.Word w : all) {
            nested(w, ctx);
        }
        redirects(s.redirs(), ctx);
        if (done() || s.kind() == Ast.Kind.KEYWORD) {
            return;
        }
        if (s.kind() == Ast.Kind.FOR) {
            String name = s.words().get(0).literal();
            List<Field> values = Expander.fields(s.words().subList(1, s.words().size()), ctx);
            boolean known = !values.isEmpty() && values.stream().allMatch(f -> f.known() != null);
            ctx.vars.put(name, known ? values.stream().map(Field::known).toList() : null);
            return;
        }
        if (s.words().isEmpty()) {
            Executor.assign(s.assigns(), ctx);
            return;
        }
        List<Field> argv = Expander.fields(s.words(), ctx);
        Content own = Content.input(s.redirs(), ctx);
        executor.exec(argv, ctx, own != null ? () -> own : piped);
    }

    private void nested(Ast.Word w, Ctx ctx) {
        for (Ast.Part p : w.parts()) {
            if (p instanceof Ast.Subst sub) {
                walk(sub.script(), ctx.copy());
            } else if (p instanceof Ast.Param pa) {
                pa.inner().forEach(sc -> walk(sc, ctx.copy()));
            } else if (p instanceof Ast.Arith a) {
                a.inner().forEach(sc -> walk(sc, ctx.copy()));
            }
        }
    }

    private void redirects(List<Ast.Redir> redirs, Ctx ctx) {
        for (Ast.Redir r : redirs) {
            if (!r.writes()) {
                continue;
            }
            for (Field f : Expander.fields(r.target(), ctx)) {
                String path = Paths.normalize(f.marked(), ctx.cwd);
                String what = "redirection " + r.op() + " onto " + f.plain();
                String acc = Paths.account(path);
                if (Paths.blockDevice(path) && block(DISK_WRITE, what + " (block device)")
                        || acc != null && block(ACCOUNT_FILES, what + " (account file " + acc + ")")
                        || "/proc/sysrq-trigger".equals(path)
                        && block(POWER, what + " (magic SysRq: reboot, power-off, crash)")) {
                    return;
                }
            }
        }
    }

    /** Parses and walks text given to a shell ({@code sh -c}, eval, piped or decoded text). */
    void shell(String text, Ctx ctx) {
        shell(text, ctx, true);
    }

    /**
     * @param strict whether text that cannot be parsed is refused (a shell's text) or skipped (a
     *        string found in an interpreter's code, which may not be shell text at all)
     */
    void shell(String text, Ctx ctx, boolean strict) {
        if (ctx.depth >= MAX_SHELL_DEPTH) {
            block(UNPARSEABLE, "shells nested deeper than " + MAX_SHELL_DEPTH);
            return;
        }
        Ast.Script script;
        try {
            script = Parser.parse(text);
        } catch (ParseException e) {
            if (strict) {
                block(UNPARSEABLE, "cannot parse the text given to a shell: " + e.getMessage());
            }
            return;
        }
        walk(script, ctx.deeper());
    }
}
