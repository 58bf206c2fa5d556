package dev.orrery.guard.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Path classification: system folders (and their whole contents), block devices, account files. */
final class Paths {
    static final List<String> SYSTEM = List.of("/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32",
            "/lib64", "/libx32", "/media", "/mnt", "/opt", "/proc", "/root", "/run", "/sbin", "/snap", "/srv", "/sys",
            "/usr", "/var", "/boot/efi", "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/lib32", "/usr/lib64",
            "/usr/libexec", "/usr/local", "/usr/share", "/usr/include", "/usr/src", "/usr/local/bin",
            "/usr/local/sbin", "/usr/local/lib", "/var/lib", "/var/log", "/var/spool", "/var/mail", "/var/opt",
            "/var/backups", "/etc/systemd", "/etc/ssh", "/etc/pam.d", "/etc/security");
    static final List<String> ACCOUNT = List.of("/etc/passwd", "/etc/shadow", "/etc/group", "/etc/gshadow",
            "/etc/sudoers", "/etc/sudoers.d", "/etc/master.passwd");
    private static final Pattern BLOCK = Pattern.compile("/dev/(sd|hd|vd|xvd|nvme|mmcblk|dm-|md[0-9_]|mapper/|disk/"
            + "|loop[0-9]|nbd|rbd|zd|bcache|zram|sg[0-9]|sr[0-9]|ubd|root$|mem$|kmem$|port$|[a-z]*\\*)");

    private final List<String> system;

    /** @param extra extra system folders from the configuration */
    Paths(List<String> extra) {
        Set<String> all = new LinkedHashSet<>(SYSTEM);
        for (String e : extra) {
            String n = normalize(e, null);
            if (n != null) {
                all.add(n);
            }
        }
        this.system = List.copyOf(all);
    }

    /**
     * @param marked an argument (with {@link Marks})
     * @param cwd the known current folder or null
     * @return the absolute, lexically normalized path ({@code //}, {@code /./}, {@code ..} resolved), or
     *         null when it cannot be known (starts with an unknown expansion, relative with no known folder)
     */
    static String normalize(String marked, String cwd) {
        if (marked.isEmpty() || marked.charAt(0) == Marks.UNKNOWN || marked.charAt(0) == Marks.NON_EMPTY) {
            return null;
        }
        // an expansion after a literal start may be empty: "/$x" may be "/"
        String p = marked.replace(String.valueOf(Marks.UNKNOWN), "");
        if (!p.startsWith("/")) {
            if (cwd == null) {
                return null;
            }
            p = cwd + "/" + p;
        }
        List<String> parts = new ArrayList<>();
        for (String c : p.split("/")) {
            if (c.isEmpty() || ".".equals(c)) {
                continue;
            }
            if ("..".equals(c)) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(c);
            }
        }
        return "/" + String.join("/", parts);
    }

    /**
     * @param path a normalized path (with glob marks)
     * @return "on /etc (system folder)", "on /etc/* (whole contents of /etc)", or null
     */
    String system(String path) {
        if (path == null) {
            return null;
        }
        List<String> p = components(path);
        for (String s : system) {
            List<String> sc = components(s);
            String shown = Marks.plain(path);
            if (p.size() == sc.size() && matches(p, sc, sc.size())) {
                return "on " + shown + ("/".equals(s) ? " (the root folder)" : shown.equals(s) ? " (system folder)"
                        : " (matches system folder " + s + ")");
            }
            if (p.size() == sc.size() + 1 && matches(p, sc, sc.size()) && allGlob(p.get(p.size() - 1))) {
                return "on " + shown + " (whole contents of " + s + ")";
            }
        }
        return null;
    }

    /** @return whether the normalized path is, or may glob to, a block device or kernel memory */
    static boolean blockDevice(String path) {
        return path != null && BLOCK.matcher(Marks.plain(path)).lookingAt();
    }

    /** @return the account file the normalized path is or may glob to, or null */
    static String account(String path) {
        if (path == null) {
            return null;
        }
        List<String> p = components(path);
        for (String a : ACCOUNT) {
            List<String> ac = components(a);
            if (p.size() == ac.size() && matches(p, ac, ac.size())
                    || a.endsWith(".d") && p.size() > ac.size() && matches(p, ac, ac.size())) {
                return a;
            }
        }
        return null;
    }

    private static List<String> components(String path) {
        List<String> out = new ArrayList<>();
        for (String c : path.split("/")) {
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    /** @return whether the first n components of the pattern path match the literal components */
    private static boolean matches(List<String> pattern, List<String> literal, int n) {
        if (pattern.size() < n || literal.size() < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!Glob.matches(pattern.get(i), literal.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** @return whether a component matches (nearly) any name: only glob marks, classes and dots */
    private static boolean allGlob(String component) {
        String s = component.replaceAll(Marks.BRACKET + "[^]]*]", String.valueOf(Marks.STAR));
        return Marks.glob(s) && s.chars().allMatch(c -> c == Marks.STAR || c == Marks.QMARK || c == '.');
    }
}
