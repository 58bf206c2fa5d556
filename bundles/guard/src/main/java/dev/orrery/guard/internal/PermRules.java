package dev.orrery.guard.internal;

import static dev.orrery.guard.GuardRules.PERM_RECURSIVE;

import java.util.List;
import java.util.Set;

/** Recursive chmod, chown, chgrp, setfacl, chattr on the root or system folders. */
final class PermRules {
    private PermRules() {
    }

    static void check(Cmd c, Sink s) {
        String p = c.prog();
        if (!Set.of("chmod", "chown", "chgrp", "setfacl", "chattr").contains(p)) {
            return;
        }
        Opts o = "setfacl".equals(p) ? Opts.parse(c.args(), "mxMX", Set.of("--modify", "--remove", "--set",
                "--set-file", "--modify-file", "--remove-file"))
                : Opts.parse(c.args(), "", Set.of("--reference", "--from"));
        if (!o.has("R", "--recursive")) {
            return;
        }
        boolean firstIsSpec = !"setfacl".equals(p) && !o.flags.contains("--reference");
        List<Field> files = firstIsSpec && !o.operands.isEmpty() ? o.operands.subList(1, o.operands.size()) : o.operands;
        for (Field f : files) {
            String sys = c.paths().system(c.path(f));
            if (sys != null && s.block(PERM_RECURSIVE, p + o.shown() + " " + sys)) {
                return;
            }
        }
    }
}
