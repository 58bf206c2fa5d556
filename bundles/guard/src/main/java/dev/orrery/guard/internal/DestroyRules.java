package dev.orrery.guard.internal;

import static dev.orrery.guard.GuardRules.ACCOUNT_FILES;
import static dev.orrery.guard.GuardRules.DISK_WRITE;
import static dev.orrery.guard.GuardRules.PERM_RECURSIVE;
import static dev.orrery.guard.GuardRules.ROOT_DESTROY;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** rm, shred, unlink, mv, find, rsync on system folders and account files. */
final class DestroyRules {
    private static final Set<String> NARROWING = Set.of("-name", "-iname", "-path", "-ipath", "-wholename",
            "-iwholename", "-regex", "-iregex", "-lname", "-ilname", "-inum", "-samefile");
    private static final Set<String> DELETERS = Set.of("rm", "shred", "unlink", "rmdir");
    private static final Set<String> PERMS = Set.of("chmod", "chown", "chgrp", "setfacl", "chattr");

    private DestroyRules() {
    }

    static void check(Cmd c, Sink s) {
        switch (c.prog()) {
            case "rm" -> rm(c, s);
            case "unlink", "rmdir" -> accounts(c, Opts.parse(c.args(), "", Set.of()).operands, s);
            case "shred" -> shred(c, s);
            case "mv" -> mv(c, s);
            case "find" -> find(c, s);
            case "rsync" -> rsync(c, s);
            default -> { }
        }
    }

    private static void rm(Cmd c, Sink s) {
        Opts o = Opts.parse(c.args(), "", Set.of());
        if (o.has("--no-preserve-root") && s.block(ROOT_DESTROY, "rm --no-preserve-root")) {
            return;
        }
        boolean recursive = o.has("r", "R", "--recursive");
        for (Field f : o.operands) {
            String sys = c.paths().system(c.path(f));
            if (sys != null && (recursive || sys.contains("whole contents"))
                    && s.block(ROOT_DESTROY, "rm" + o.shown() + " " + sys)) {
                return;
            }
        }
        accounts(c, o.operands, s);
    }

    private static void accounts(Cmd c, List<Field> operands, Sink s) {
        for (Field f : operands) {
            String acc = Paths.account(c.path(f));
            if (acc != null && s.block(ACCOUNT_FILES, c.prog() + " on " + f.plain() + " (account file " + acc + ")")) {
                return;
            }
        }
    }

    private static void shred(Cmd c, Sink s) {
        Opts o = Opts.parse(c.args(), "nsx", Set.of("--iterations", "--size", "--random-source"));
        for (Field f : o.operands) {
            String p = c.path(f);
            if (Paths.blockDevice(p) && s.block(DISK_WRITE, "shred on " + f.plain() + " (block device)")) {
                return;
            }
            String sys = c.paths().system(p);
            if (sys != null && s.block(ROOT_DESTROY, "shred " + sys)) {
                return;
            }
        }
        accounts(c, o.operands, s);
    }

    private static void mv(Cmd c, Sink s) {
        Opts o = Opts.parse(c.args(), "tS", Set.of("--target-directory", "--suffix"));
        List<Field> sources = new ArrayList<>(o.operands);
        String target = o.values.containsKey("t") ? o.values.get("t") : o.values.get("--target-directory");
        Field dest = target == null && !sources.isEmpty() ? sources.remove(sources.size() - 1) : null;
        for (Field f : sources) {
            String sys = c.paths().system(c.path(f));
            if (sys != null && s.block(ROOT_DESTROY, "mv " + sys)) {
                return;
            }
        }
        accounts(c, sources, s);
        AccountRules.destination(c, sources, dest == null ? c.path(target) : c.path(dest), s);
    }

    private static void find(Cmd c, Sink s) {
        List<String> argv = new ArrayList<>();
        argv.add("find");
        c.args().forEach(f -> argv.add(f.plain()));
        List<String> starts = new ArrayList<>();
        int i = 1;
        while (i < argv.size() && !argv.get(i).startsWith("-") && !"(".equals(argv.get(i)) && !"!".equals(argv.get(i))) {
            starts.add(c.path(c.args().get(i - 1)));
            i++;
        }
        if (starts.isEmpty()) {
            starts.add(c.ctx().cwd);
        }
        boolean narrowed = false;
        String action = null;
        for (int k = i; k < argv.size(); k++) {
            String a = argv.get(k);
            if (NARROWING.contains(a) && k + 1 < argv.size() && !argv.get(k + 1).matches("[*?.\\[\\]]*")) {
                narrowed = true;
            } else if ("-delete".equals(a)) {
                action = "-delete";
            }
        }
        for (int[] range : Wrappers.findExecs(argv)) {
            String prog = Wrappers.base(argv.get(range[0]));
            if (DELETERS.contains(prog) || PERMS.contains(prog)) {
                action = argv.get(range[0] - 1) + " " + prog;
            }
        }
        if (action == null || narrowed) {
            return;
        }
        String rule = PERMS.stream().anyMatch(action::endsWith) ? PERM_RECURSIVE : ROOT_DESTROY;
        for (String start : starts) {
            String sys = c.paths().system(start);
            if (sys == null && start != null && c.paths().system(start + "/" + Marks.STAR) != null) {
                sys = "on " + start + " (system folder)";
            }
            if (sys != null && s.block(rule, "find " + action + " " + sys)) {
                return;
            }
        }
    }

    private static void rsync(Cmd c, Sink s) {
        Opts o = Opts.parse(c.args(), "eBfT", Set.of("--rsh", "--filter", "--exclude", "--include", "--temp-dir"));
        if (o.operands.size() < 2) {
            return;
        }
        String dest = c.path(o.operands.get(o.operands.size() - 1));
        boolean deletes = o.flags.stream().anyMatch(f -> f.startsWith("--delete") || f.equals("--remove-source-files"));
        String sys = c.paths().system(dest);
        if (deletes && sys != null && s.block(ROOT_DESTROY, "rsync --delete " + sys)) {
            return;
        }
        AccountRules.destination(c, o.operands.subList(0, o.operands.size() - 1), dest, s);
    }
}
