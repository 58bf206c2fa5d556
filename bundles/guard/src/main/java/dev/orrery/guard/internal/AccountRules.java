package dev.orrery.guard.internal;

import static dev.orrery.guard.GuardRules.ACCOUNT_FILES;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Writes onto passwd, shadow, group, gshadow, sudoers and sudoers.d (redirections are checked by the analyzer). */
final class AccountRules {
    private AccountRules() {
    }

    static void check(Cmd c, Sink s) {
        switch (c.prog()) {
            case "tee" -> each(c, Opts.parse(c.args(), "", Set.of()).operands, "tee", s);
            case "truncate" -> each(c, Opts.parse(c.args(), "sr", Set.of("--size", "--reference")).operands,
                    "truncate", s);
            case "cp", "install", "ln" -> copy(c, s);
            case "sed" -> inPlace(c, Opts.parse(c.args(), "efl", Set.of("--expression", "--file", "--line-length")),
                    s);
            case "perl" -> perl(c, s);
            case "chmod", "chown" -> attributes(c, s);
            default -> { }
        }
    }

    private static void each(Cmd c, List<Field> targets, String what, Sink s) {
        for (Field f : targets) {
            String acc = Paths.account(c.path(f));
            if (acc != null && s.block(ACCOUNT_FILES, what + " onto " + f.plain() + " (account file " + acc + ")")) {
                return;
            }
        }
    }

    private static void copy(Cmd c, Sink s) {
        Opts o = Opts.parse(c.args(), "tSgmo", Set.of("--target-directory", "--suffix", "--group", "--mode",
                "--owner"));
        List<Field> sources = new ArrayList<>(o.operands);
        String target = o.values.containsKey("t") ? o.values.get("t") : o.values.get("--target-directory");
        if (target != null) {
            destination(c, sources, c.path(target), s);
        } else if (sources.size() >= 2 || "ln".equals(c.prog()) && sources.size() == 1) {
            Field dest = sources.remove(sources.size() - 1);
            destination(c, sources, c.path(dest), s);
        }
    }

    /** The destination of cp/mv/install/ln/rsync: an account file, or a folder holding one of the sources' names. */
    static void destination(Cmd c, List<Field> sources, String dest, Sink s) {
        if (dest == null) {
            return;
        }
        String acc = Paths.account(dest);
        if (acc != null && s.block(ACCOUNT_FILES, c.prog() + " onto " + Marks.plain(dest) + " (account file " + acc + ")")) {
            return;
        }
        for (Field f : sources) {
            String name = Wrappers.base(f.plain());
            String into = Paths.account(Paths.normalize(dest + "/" + name, null));
            if (into != null && !name.isEmpty() && !"/".equals(name)
                    && s.block(ACCOUNT_FILES, c.prog() + " into " + Marks.plain(dest) + " (account file " + into + ")")) {
                return;
            }
        }
    }

    private static void inPlace(Cmd c, Opts o, Sink s) {
        boolean inPlace = o.has("i", "--in-place") || o.written.stream().anyMatch(w -> w.matches("-[a-zA-Z]*i.*"));
        if (inPlace) {
            each(c, o.operands, c.prog() + " -i", s);
        }
    }

    private static void perl(Cmd c, Sink s) {
        boolean inPlace = c.args().stream().anyMatch(f -> f.plain().matches("-[a-zA-Z]*i.*"));
        if (inPlace) {
            each(c, c.args(), "perl -i", s);
        }
    }

    private static boolean opensToOthers(String mode) {
        if (mode.matches("[0-7]+")) {
            return mode.charAt(mode.length() - 1) != '0';
        }
        for (String clause : mode.split(",")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([ugoa]*)([-+=])([rwxXst]*)").matcher(clause);
            if (m.matches() && !"-".equals(m.group(2)) && (m.group(1).isEmpty() || m.group(1).matches(".*[oa].*"))
                    && m.group(3).matches(".*[rw].*")) {
                return true;
            }
        }
        return false;
    }

    /** chmod making an account file readable or writable by others, or chown on one. */
    private static void attributes(Cmd c, Sink s) {
        Opts o = Opts.parse(c.args(), "", Set.of("--reference"));
        if (o.operands.size() < 2 && !o.flags.contains("--reference")) {
            return;
        }
        List<Field> files = o.flags.contains("--reference") ? o.operands : o.operands.subList(1, o.operands.size());
        if ("chmod".equals(c.prog()) && !o.flags.contains("--reference")) {
            String mode = o.operands.get(0).plain();
            if (!opensToOthers(mode)) {
                return;
            }
        }
        each(c, files, c.prog(), s);
    }
}
