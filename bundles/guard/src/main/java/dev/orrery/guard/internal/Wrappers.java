package dev.orrery.guard.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Programs that run another program: where the wrapped program starts, or where the shell text is.
 * Works on argument values (null for a word whose value is not known).
 */
final class Wrappers {
    /** What the program at index 0 does with the rest. */
    enum Kind { NONE, WRAP, SHELL_C, STDIN, EVAL, XARGS }

    /** @param index the wrapped program (WRAP, XARGS), the shell text (SHELL_C) or the first word to join (EVAL) */
    record Step(Kind kind, int index) {
        static final Step NONE = new Step(Kind.NONE, -1);
    }

    static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "yash", "posh",
            "rbash", "lksh", "pdksh", "csh", "tcsh", "fish");

    private Wrappers() {
    }

    /**
     * @param argv the program (base name at 0) and its arguments
     * @return what runs next
     */
    static Step step(List<String> argv) {
        String prog = argv.isEmpty() || argv.get(0) == null ? null : base(argv.get(0));
        if (prog == null) {
            return Step.NONE;
        }
        if (SHELLS.contains(prog)) {
            return shell(argv);
        }
        switch (prog) {
            case "eval":
                return argv.size() > 1 ? new Step(Kind.EVAL, 1) : Step.NONE;
            case "su":
            case "runuser":
                int c = indexAfter(argv, "-c", "--command");
                if (c > 0) {
                    return new Step(Kind.SHELL_C, c);
                }
                break;
            case "watch":
                return evalAfterOptions(argv, "nqg");
            case "ssh":
                return sshCommand(argv);
            case "flock":
                int fc = indexAfter(argv, "-c", "--command");
                if (fc > 0) {
                    return new Step(Kind.SHELL_C, fc);
                }
                break;
            case "command":
                if (argv.size() > 1 && argv.get(1) != null && argv.get(1).matches("-p*[vV].*")) {
                    return Step.NONE;
                }
                break;
            case "ionice":
                if (argv.contains("-p") || argv.contains("-P") || argv.contains("-u")) {
                    return Step.NONE;
                }
                break;
            case "at":
            case "batch":
                return argv.contains("-f") || argv.stream().anyMatch(v -> v != null && v.matches("-[lrdc].*"))
                        ? Step.NONE : new Step(Kind.STDIN, -1);
            case ".":
            case "source":
                return argv.size() > 1 && ("/dev/stdin".equals(argv.get(1)) || "-".equals(argv.get(1)))
                        ? new Step(Kind.STDIN, -1) : Step.NONE;
            default:
                break;
        }
        String shortArgs = WrapperOptions.SHORT_ARGS.get(prog);
        if (shortArgs == null) {
            return Step.NONE;
        }
        int i = WrapperOptions.skip(argv, shortArgs, prog);
        if ("env".equals(prog)) {
            int split = indexAfter(argv, "-S", "--split-string");
            if (split > 0) {
                return new Step(Kind.EVAL, split);
            }
        }
        if ("env".equals(prog) || "sudo".equals(prog)) {
            while (i < argv.size() && argv.get(i) != null && argv.get(i).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                i++;
            }
        }
        if ("timeout".equals(prog) || "chroot".equals(prog) || "flock".equals(prog) || "taskset".equals(prog)
                || "chrt".equals(prog) || "faketime".equals(prog)) {
            i++;
        }
        if (i >= argv.size()) {
            return Step.NONE;
        }
        return new Step("xargs".equals(prog) ? Kind.XARGS : Kind.WRAP, i);
    }

    private static Step shell(List<String> argv) {
        boolean command = false;
        int i = 1;
        while (i < argv.size()) {
            String a = argv.get(i);
            if (a == null || !(a.startsWith("-") || a.startsWith("+")) || "-".equals(a) || "--".equals(a)) {
                break;
            }
            i++;
            if (a.startsWith("--")) {
                if ("--rcfile".equals(a) || "--init-file".equals(a)) {
                    i++;
                }
                continue;
            }
            command |= a.indexOf('c', 1) > 0;
            if (a.indexOf('o', 1) > 0 || a.indexOf('O', 1) > 0) {
                i++;
            }
        }
        if (i < argv.size() && ("-".equals(argv.get(i)) || "--".equals(argv.get(i)))) {
            i++;
        }
        if (command) {
            return i < argv.size() ? new Step(Kind.SHELL_C, i) : Step.NONE;
        }
        boolean stdin = i >= argv.size() || argv.subList(1, Math.min(i, argv.size())).stream()
                .anyMatch(a -> a != null && !a.startsWith("--") && a.indexOf('s', 1) > 0);
        return stdin || "/dev/stdin".equals(argv.get(i)) ? new Step(Kind.STDIN, -1) : Step.NONE;
    }

    private static int indexAfter(List<String> argv, String shortOpt, String longOpt) {
        for (int i = 1; i < argv.size() - 1; i++) {
            if (shortOpt.equals(argv.get(i)) || longOpt.equals(argv.get(i))) {
                return i + 1;
            }
        }
        return -1;
    }

    private static Step evalAfterOptions(List<String> argv, String shortArgs) {
        int i = WrapperOptions.skip(argv, shortArgs, "watch");
        return i < argv.size() ? new Step(Kind.EVAL, i) : Step.NONE;
    }

    private static Step sshCommand(List<String> argv) {
        int i = WrapperOptions.skip(argv, "bcDEeFIiJLlmOopQRSWwB", "ssh");
        return i + 1 < argv.size() ? new Step(Kind.EVAL, i + 1) : Step.NONE;
    }

    /** @return the base name of a program path ({@code /usr/bin/rm} and {@code ./rm} are {@code rm}) */
    static String base(String program) {
        String p = program;
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        int slash = p.lastIndexOf('/');
        return slash >= 0 && slash < p.length() - 1 ? p.substring(slash + 1) : p;
    }

    /** @return the argument ranges [from, to) of each {@code -exec}/{@code -execdir}/{@code -ok}/{@code -okdir} of find */
    static List<int[]> findExecs(List<String> argv) {
        List<int[]> out = new ArrayList<>();
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if ("-exec".equals(a) || "-execdir".equals(a) || "-ok".equals(a) || "-okdir".equals(a)) {
                int from = i + 1;
                int to = from;
                while (to < argv.size() && !";".equals(argv.get(to)) && !"+".equals(argv.get(to))) {
                    to++;
                }
                if (to > from) {
                    out.add(new int[] {from, to});
                }
                i = to;
            }
        }
        return out;
    }
}
