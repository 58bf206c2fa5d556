package dev.orrery.guard.internal;

import static dev.orrery.guard.GuardRules.ACCOUNT_FILES;
import static dev.orrery.guard.GuardRules.DISK_FORMAT;
import static dev.orrery.guard.GuardRules.DISK_WRITE;

import java.util.List;
import java.util.Set;

/** Filesystem creation, partitioning, signature erasure and raw writes onto block devices. */
final class DiskRules {
    private static final Set<String> MKFS = Set.of("mkfs", "mke2fs", "mkswap", "mkdosfs", "mkntfs", "mkexfatfs",
            "mkreiserfs", "mkudffs", "mkjfs", "newfs", "mkfs_msdos", "blkdiscard", "mkhfs", "zpool");
    private static final Set<String> PARTED_WRITES = Set.of("mklabel", "mktable", "mkpart", "mkpartfs", "rm",
            "resizepart", "resize", "rescue", "name", "set", "toggle", "disk_set", "disk_toggle", "move", "cp", "mkfs");
    private static final Set<String> SGDISK_READ = Set.of("-p", "--print", "-i", "--info", "-v", "--verify", "-V",
            "--version", "-?", "--help", "--usage");

    private DiskRules() {
    }

    static void check(Cmd c, Sink s) {
        String p = c.prog();
        if ((MKFS.contains(p) || p.startsWith("mkfs.") || p.startsWith("mkfs_")) && !c.helpOnly()) {
            if (!"zpool".equals(p) || !c.args().isEmpty() && c.args().get(0).plain().matches("create|destroy|labelclear")) {
                s.block(DISK_FORMAT, p + " creates a filesystem or erases a device" + on(c));
            }
            return;
        }
        switch (p) {
            case "wipefs" -> {
                Opts o = Opts.parse(c.args(), "optO", Set.of("--offset", "--types", "--output", "--backup"));
                if (o.has("a", "--all", "o", "--offset")) {
                    s.block(DISK_FORMAT, "wipefs erases signatures" + on(c));
                }
            }
            case "fdisk", "gdisk", "cfdisk" -> partition(c, Set.of("l", "--list", "x", "--list-details", "--help", "V",
                    "--version", "h"), s);
            case "sfdisk" -> partition(c, Set.of("l", "--list", "d", "--dump", "J", "--json", "s", "--show-size",
                    "V", "--verify", "F", "--list-free", "g", "--show-geometry", "--help", "v", "--version", "r"), s);
            case "sgdisk" -> {
                boolean read = c.args().stream().filter(f -> f.plain().startsWith("-"))
                        .allMatch(f -> SGDISK_READ.contains(f.plain()));
                if (!read) {
                    s.block(DISK_FORMAT, "sgdisk rewrites a partition table" + on(c));
                }
            }
            case "parted" -> parted(c, s);
            case "cryptsetup" -> {
                if (c.args().stream().anyMatch(f -> f.plain().matches("luksFormat|erase|luksErase|reencrypt"))) {
                    s.block(DISK_FORMAT, "cryptsetup formats or erases a device" + on(c));
                }
            }
            case "dd" -> dd(c, s);
            case "cp", "tee", "install", "pv", "cat" -> writes(c, s);
            default -> { }
        }
    }

    private static String on(Cmd c) {
        for (Field f : c.args()) {
            if (Paths.blockDevice(c.path(f))) {
                return " (" + f.plain() + ")";
            }
        }
        return "";
    }

    private static void partition(Cmd c, Set<String> readOnly, Sink s) {
        Opts o = Opts.parse(c.args(), "bcuLoOstwWnN", Set.of("--sector-size", "--compatibility", "--units",
                "--output", "--type", "--wipe", "--wipe-partitions", "--backup-file", "--label", "--color"));
        if (o.flags.stream().anyMatch(readOnly::contains) || o.operands.isEmpty()) {
            return;
        }
        s.block(DISK_FORMAT, c.prog() + " may rewrite the partition table" + on(c));
    }

    private static void parted(Cmd c, Sink s) {
        Opts o = Opts.parse(c.args(), "", Set.of());
        if (o.has("l", "--list", "h", "--help", "v", "--version") || o.operands.isEmpty()) {
            return;
        }
        List<Field> commands = o.operands.subList(1, o.operands.size());
        if (commands.isEmpty()) {
            s.block(DISK_FORMAT, "parted interactive session on " + o.operands.get(0).plain());
            return;
        }
        for (Field f : commands) {
            if (PARTED_WRITES.contains(f.plain()) || f.known() == null) {
                s.block(DISK_FORMAT, "parted " + f.plain() + " on " + o.operands.get(0).plain());
                return;
            }
        }
    }

    private static void dd(Cmd c, Sink s) {
        for (Field f : c.args()) {
            String a = f.marked();
            if (a.startsWith("of=")) {
                String p = c.path(a.substring(3));
                if (Paths.blockDevice(p) && s.block(DISK_WRITE, "dd " + f.plain() + " (block device)")) {
                    return;
                }
                String acc = Paths.account(p);
                if (acc != null && s.block(ACCOUNT_FILES, "dd " + f.plain() + " (account file " + acc + ")")) {
                    return;
                }
            }
        }
    }

    private static void writes(Cmd c, Sink s) {
        Opts o = Opts.parse(c.args(), "tSmog", Set.of("--target-directory"));
        List<Field> targets = "tee".equals(c.prog()) ? o.operands
                : "cat".equals(c.prog()) || o.operands.size() < 2 ? List.of() : o.operands.subList(o.operands.size() - 1, o.operands.size());
        for (Field f : targets) {
            if (Paths.blockDevice(c.path(f)) && s.block(DISK_WRITE, c.prog() + " onto " + f.plain() + " (block device)")) {
                return;
            }
        }
    }
}
