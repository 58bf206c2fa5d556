package dev.orrery.guard.internal;

import static dev.orrery.guard.GuardRules.POWER;

import java.util.List;
import java.util.Set;

/** Power-off, reboot, halt, kexec, rescue/emergency mode. */
final class PowerRules {
    private static final Set<String> DIRECT = Set.of("shutdown", "reboot", "poweroff", "halt");
    private static final Set<String> VERBS = Set.of("poweroff", "reboot", "halt", "kexec", "emergency", "rescue",
            "suspend", "hibernate", "hybrid-sleep", "suspend-then-hibernate", "soft-reboot");
    private static final Set<String> TARGETS = Set.of("poweroff", "reboot", "halt", "kexec", "emergency", "rescue",
            "runlevel0", "runlevel1", "runlevel6", "shutdown", "ctrl-alt-del", "soft-reboot", "systemd-poweroff",
            "systemd-reboot", "systemd-halt", "systemd-kexec", "suspend", "hibernate");
    private static final Set<String> STARTERS = Set.of("start", "restart", "isolate", "reload-or-restart",
            "try-restart", "enable");

    private PowerRules() {
    }

    static void check(Cmd c, Sink s) {
        String p = c.prog();
        if (DIRECT.contains(p)) {
            boolean harmless = c.helpOnly() || "shutdown".equals(p) && c.args().size() == 1
                    && "-c".equals(c.args().get(0).plain());
            if (!harmless) {
                s.block(POWER, p + " powers the host off or restarts it");
            }
            return;
        }
        switch (p) {
            case "tee", "dd" -> {
                for (Field f : c.args()) {
                    String v = f.plain().startsWith("of=") ? f.plain().substring(3) : f.plain();
                    if ("/proc/sysrq-trigger".equals(c.path(v))) {
                        s.block(POWER, p + " onto /proc/sysrq-trigger (magic SysRq: reboot, power-off, crash)");
                        return;
                    }
                }
            }
            case "init", "telinit" -> {
                if (c.args().size() == 1 && c.args().get(0).plain().matches("[016sS]|single")) {
                    s.block(POWER, p + " " + c.args().get(0).plain() + " changes the run level (halt, reboot or single user)");
                }
            }
            case "systemctl", "loginctl" -> systemctl(c, s);
            case "kexec" -> {
                Opts o = Opts.parse(c.args(), "", Set.of());
                if (o.has("e", "--exec") || !o.has("l", "--load", "p", "--load-panic", "u", "--unload", "h", "--help",
                        "v", "--version", "S", "--status") && !o.operands.isEmpty()) {
                    s.block(POWER, "kexec boots another kernel");
                }
            }
            case "ipmitool" -> {
                List<String> a = c.args().stream().map(Field::plain).toList();
                int i = a.indexOf("power");
                if (i >= 0 && i + 1 < a.size() && a.get(i + 1).matches("off|reset|cycle|soft")) {
                    s.block(POWER, "ipmitool power " + a.get(i + 1));
                }
            }
            default -> { }
        }
    }

    private static void systemctl(Cmd c, Sink s) {
        Opts o = Opts.parse(c.args(), "HMptsno", Set.of("--host", "--machine", "--property", "--type", "--signal",
                "--lines", "--output", "--message", "--root", "--kill-whom", "--job-mode", "--boot-loader-entry",
                "--reboot-argument", "--when"));
        if (o.has("--help", "h", "--version") || o.operands.isEmpty()) {
            return;
        }
        String verb = o.operands.get(0).plain();
        if (VERBS.contains(verb) || "loginctl".equals(c.prog()) && "kexec".equals(verb)) {
            s.block(POWER, c.prog() + " " + verb);
            return;
        }
        if ("systemctl".equals(c.prog()) && STARTERS.contains(verb)) {
            for (Field f : o.operands.subList(1, o.operands.size())) {
                String unit = f.plain().replaceAll("\\.(target|service)$", "");
                if (TARGETS.contains(unit) && ("enable".equals(verb) ? o.has("--now") : true)) {
                    s.block(POWER, "systemctl " + verb + " " + f.plain());
                    return;
                }
            }
        }
    }
}
