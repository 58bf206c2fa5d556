package dev.orrery.agent.hostinfo.internal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** What {@link Inventory#disks()} needs to know about mounts. Stateless. */
final class Mounts {
    /** File system types that hold no host data (kernel, memory, containers' plumbing, snaps). */
    static final Set<String> PSEUDO = Set.of("proc", "sysfs", "tmpfs", "devtmpfs", "devpts", "cgroup", "cgroup2", "securityfs",
            "debugfs", "tracefs", "pstore", "bpf", "mqueue", "hugetlbfs", "autofs", "configfs", "fusectl", "binfmt_misc", "nsfs",
            "rpc_pipefs", "ramfs", "efivarfs", "selinuxfs", "squashfs", "fuse.lxcfs", "fuse.gvfsd-fuse", "fuse.portal", "nfsd");

    private Mounts() {
    }

    /** {@code /proc/mounts} escapes space, tab, newline and backslash as octal ({@code \040}). */
    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * @param mount a mount point
     * @return its size and the space free for non-root users; empty for a file, or when unreadable
     */
    static Optional<Inventory.Space> space(Path mount) {
        if (!Files.isDirectory(mount)) {
            return Optional.empty();
        }
        try {
            FileStore fs = Files.getFileStore(mount);
            return Optional.of(new Inventory.Space(fs.getTotalSpace(), fs.getUsableSpace()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // stale network mount, no permission
        }
    }
}
