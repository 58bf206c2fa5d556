package dev.orrery.guard.internal;

import static dev.orrery.guard.GuardRules.ENCODED_SHELL;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** One program about to run: extra rules, built-in rules, then what it wraps or feeds to a shell. */
final class Executor {
    private static final Set<String> INTERPRETERS = Set.of("python", "python2", "python3", "perl", "ruby", "node",
            "php");
    private static final Set<String> DECLARE = Set.of("export", "declare", "local", "readonly", "typeset");
    private static final int MAX_ITEMS = 64;

    private final Analyzer a;

    Executor(Analyzer analyzer) {
        this.a = analyzer;
    }

    void exec(List<Field> argv, Ctx ctx, Supplier<Content> stdin) {
        if (a.done() || argv.isEmpty()) {
            return;
        }
        extraRules(argv);
        Field first = argv.get(0);
        if (first.known() == null) {
            if (first.encoded()) {
                a.block(ENCODED_SHELL, "the program comes out of decoded text");
            }
            return;
        }
        String prog = Wrappers.base(first.known());
        List<Field> args = argv.subList(1, argv.size());
        Cmd cmd = new Cmd(prog, args, ctx, a.paths);
        builtins(cmd);
        DestroyRules.check(cmd, a);
        DiskRules.check(cmd, a);
        PowerRules.check(cmd, a);
        PermRules.check(cmd, a);
        AccountRules.check(cmd, a);
        ForkBomb.scripts(cmd, a);
        for (String text : Interpreters.shellTexts(cmd)) {
            if (!a.done()) {
                a.shell(text, ctx, false);
            }
        }
        if (a.done()) {
            return;
        }
        List<String> values = new ArrayList<>();
        argv.forEach(f -> values.add(f.known()));
        if ("find".equals(prog)) {
            for (int[] r : Wrappers.findExecs(values)) {
                List<Field> inner = new ArrayList<>();
                argv.subList(r[0], r[1]).forEach(f -> inner.add("{}".equals(f.plain())
                        ? new Field(String.valueOf(Marks.NON_EMPTY), false) : f));
                exec(inner, ctx, () -> null);
            }
            return;
        }
        Wrappers.Step step = Wrappers.step(values);
        switch (step.kind()) {
            case WRAP -> exec(argv.subList(step.index(), argv.size()), ctx, stdin);
            case XARGS -> exec(withItems(argv.subList(step.index(), argv.size()), stdin.get()), ctx, () -> null);
            case SHELL_C -> text(List.of(argv.get(step.index())), prog,
                    Wrappers.SHELLS.contains(prog) ? positional(ctx, argv.subList(step.index() + 1, argv.size())) : ctx);
            case EVAL -> text(argv.subList(step.index(), argv.size()), prog, ctx);
            case STDIN -> {
                Content in = stdin.get();
                if (in != null && in.text() != null) {
                    a.shell(in.text(), ctx);
                } else if (in != null && in.encoded()) {
                    a.block(ENCODED_SHELL, prog + " runs decoded or transformed text from its input");
                }
            }
            default -> {
                if (INTERPRETERS.contains(prog) && args.isEmpty()) {
                    Content in = stdin.get();
                    if (in != null && in.text() == null && in.encoded()) {
                        a.block(ENCODED_SHELL, prog + " runs decoded or transformed text from its input");
                    }
                }
            }
        }
    }

    /** A context where $0, $1... and $@ are the arguments after the text of {@code sh -c}. */
    private static Ctx positional(Ctx ctx, List<Field> params) {
        Ctx c = ctx.copy();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < params.size() && i < 10; i++) {
            String v = params.get(i).known();
            c.vars.put(String.valueOf(i), v == null ? null : List.of(v));
            if (i > 0) {
                all.add(v);
            }
        }
        boolean known = all.stream().allMatch(v -> v != null);
        c.vars.put("@", known ? all : null);
        c.vars.put("*", known ? all : null);
        return c;
    }

    /** Text a shell will parse: unknown expansions become unknown variables again. */
    private void text(List<Field> fields, String prog, Ctx ctx) {
        StringBuilder b = new StringBuilder();
        for (Field f : fields) {
            if (f.encoded() && f.known() == null) {
                a.block(ENCODED_SHELL, prog + " runs decoded text that cannot be known");
                return;
            }
            b.append(b.length() > 0 ? " " : "");
            for (char c : f.plain().toCharArray()) {
                b.append(c == '…' ? "${__guard_unknown__}" : String.valueOf(c));
            }
        }
        a.shell(b.toString(), ctx);
    }

    private static List<Field> withItems(List<Field> inner, Content in) {
        List<Field> out = new ArrayList<>(inner);
        if (in == null || in.text() == null) {
            out.add(new Field(String.valueOf(Marks.UNKNOWN), in != null && in.encoded()));
            return out;
        }
        for (String item : in.text().trim().split("\\s+")) {
            if (!item.isEmpty() && out.size() < MAX_ITEMS) {
                out.add(new Field(item, false));
            }
        }
        return out;
    }

    private void extraRules(List<Field> argv) {
        if (a.rules.extraRules().isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder(Wrappers.base(argv.get(0).plain()));
        argv.subList(1, argv.size()).forEach(f -> line.append(' ').append(f.plain()));
        for (Map.Entry<String, Pattern> rule : a.rules.extraRules().entrySet()) {
            if (rule.getValue().matcher(line).find()
                    && a.block(rule.getKey(), "matches extra rule " + rule.getKey() + ": " + line)) {
                return;
            }
        }
    }

    private static void builtins(Cmd c) {
        if (("cd".equals(c.prog()) || "pushd".equals(c.prog()))) {
            List<Field> ops = Opts.parse(c.args(), "", Set.of()).operands;
            c.ctx().cwd = ops.isEmpty() ? "/root" : "-".equals(ops.get(0).plain()) ? null : c.path(ops.get(0));
        } else if (DECLARE.contains(c.prog())) {
            for (Field f : c.args()) {
                String v = f.plain();
                int eq = v.indexOf('=');
                if (eq > 0 && v.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    String value = f.known() == null ? null : v.substring(eq + 1);
                    c.ctx().vars.put(v.substring(0, eq), value == null ? null : List.of(value));
                }
            }
        }
    }

    /** Standalone {@code NAME=value} words: remembered for later expansions on the line. */
    static void assign(List<Ast.Word> assigns, Ctx ctx) {
        for (Ast.Word w : assigns) {
            List<Field> fields = Expander.fields(w, ctx);
            String text = Content.join(fields);
            String raw = fields.isEmpty() ? "" : fields.get(0).plain();
            int eq = raw.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = raw.substring(0, eq).replace("+", "");
            if (name.contains("[")) {
                continue;
            }
            ctx.vars.put(name, text == null ? null : List.of(text.substring(text.indexOf('=') + 1)));
        }
    }
}
