package dev.orrery.guard.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The options of the wrappers: which take a value, so that the wrapped program is found after them. */
final class WrapperOptions {
    /** Short options taking a value, by wrapper ("" = none); a wrapper absent here is not one. */
    static final Map<String, String> SHORT_ARGS = Map.ofEntries(
            Map.entry("sudo", "ugpCDRTUrt"), Map.entry("doas", "uC"), Map.entry("nohup", ""),
            Map.entry("nice", "n"), Map.entry("timeout", "sk"), Map.entry("exec", "a"), Map.entry("command", ""),
            Map.entry("builtin", ""), Map.entry("time", "fo"), Map.entry("stdbuf", "ioe"), Map.entry("ionice", "cn"),
            Map.entry("setsid", ""), Map.entry("chroot", ""), Map.entry("busybox", ""), Map.entry("unbuffer", ""),
            Map.entry("xargs", "adEILnPs"), Map.entry("env", "uCS"), Map.entry("runuser", "ugGs"),
            Map.entry("strace", "oepsSEIPu"), Map.entry("ltrace", "oepsSEu"), Map.entry("caffeinate", "t"),
            Map.entry("systemd-run", "pEuMHGd"), Map.entry("nsenter", "tSGw"), Map.entry("unshare", "S"),
            Map.entry("taskset", ""), Map.entry("chrt", ""), Map.entry("flock", "wE"), Map.entry("faketime", ""));

    private WrapperOptions() {
    }

    /** @return the index of the first operand after the options of argv[0] */
    static int skip(List<String> argv, String shortArgs, String prog) {
        int i = 1;
        while (i < argv.size()) {
            String a = argv.get(i);
            if (a == null || !a.startsWith("-") || "-".equals(a)) {
                return i;
            }
            i++;
            if ("--".equals(a)) {
                return i;
            }
            if (a.startsWith("--")) {
                if (!a.contains("=") && longTakesValue(prog, a)) {
                    i++;
                }
            } else if ("nice".equals(prog) && a.matches("-[0-9]+")) {
                continue;
            } else {
                for (int k = 1; k < a.length(); k++) {
                    if (shortArgs.indexOf(a.charAt(k)) >= 0) {
                        if (k == a.length() - 1) {
                            i++;
                        }
                        break;
                    }
                }
            }
        }
        return i;
    }

    private static boolean longTakesValue(String prog, String opt) {
        return switch (prog) {
            case "sudo" -> Set.of("--user", "--group", "--prompt", "--close-from", "--chdir", "--role", "--type",
                    "--other-user", "--host", "--chroot", "--command-timeout").contains(opt);
            case "timeout" -> Set.of("--signal", "--kill-after").contains(opt);
            case "env" -> Set.of("--unset", "--chdir", "--split-string").contains(opt);
            case "xargs" -> Set.of("--arg-file", "--delimiter", "--max-lines", "--max-args", "--max-procs",
                    "--max-chars", "--process-slot-var").contains(opt);
            case "nice" -> "--adjustment".equals(opt);
            case "time" -> Set.of("--format", "--output").contains(opt);
            case "runuser" -> Set.of("--user", "--group", "--supp-group", "--shell").contains(opt);
            case "systemd-run" -> Set.of("--unit", "--property", "--description", "--slice", "--uid", "--gid",
                    "--setenv", "--working-directory", "--machine", "--host").contains(opt);
            default -> false;
        };
    }
}
