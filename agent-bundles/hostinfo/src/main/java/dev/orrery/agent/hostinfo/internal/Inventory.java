package dev.orrery.agent.hostinfo.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Gathers the host's inventory from Linux's files (see docs/hostinfo.md for each field, its source
 * and its fallback). Every source is injectable, so tests read fixture files. Never throws: an
 * unreadable source gives the documented fallback. Stateless; thread-safe.
 */
final class Inventory {
    /** Size and free space of a mounted file system. @param sizeBytes total @param freeBytes usable by non-root */
    record Space(long sizeBytes, long freeBytes) {
    }

    private final Path cpuinfo;
    private final Path meminfo;
    private final Path mounts;
    private final Path osRelease;
    private final Path kernelRelease;
    private final Path uptime;
    private final Path loadavg;
    private final Function<Path, Optional<Space>> space;

    /**
     * @param proc the {@code /proc} folder ({@code cpuinfo}, {@code meminfo}, {@code mounts},
     *     {@code sys/kernel/osrelease}, {@code uptime}, {@code loadavg})
     * @param osRelease normally {@code /etc/os-release}
     * @param space size and free space of a mount point
     */
    Inventory(Path proc, Path osRelease, Function<Path, Optional<Space>> space) {
        this.cpuinfo = proc.resolve("cpuinfo");
        this.meminfo = proc.resolve("meminfo");
        this.mounts = proc.resolve("mounts");
        this.kernelRelease = proc.resolve("sys/kernel/osrelease");
        this.uptime = proc.resolve("uptime");
        this.loadavg = proc.resolve("loadavg");
        this.osRelease = osRelease;
        this.space = space;
    }

    /** @return the inventory of this machine */
    static Inventory system() {
        Path etc = Path.of("/etc/os-release");
        return new Inventory(Path.of("/proc"), Files.isReadable(etc) ? etc : Path.of("/usr/lib/os-release"), Mounts::space);
    }

    /** @return CPU model ({@code model name}, else {@code Hardware}/{@code cpu model}, else "unknown") and logical cores */
    HostReport.Cpu cpu() {
        String model = null;
        int cores = 0;
        for (String line : lines(cpuinfo)) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (key.equals("processor")) {
                cores++;
            } else if (model == null && !value.isEmpty()
                    && (key.equals("model name") || key.equals("Hardware") || key.equals("cpu model"))) {
                model = value;
            }
        }
        return new HostReport.Cpu(model == null ? "unknown" : model, cores > 0 ? cores : Runtime.getRuntime().availableProcessors());
    }

    /** @return MemTotal and MemAvailable (else MemFree + Buffers + Cached) in bytes; -1 when unknown */
    HostReport.Memory memory() {
        long total = -1;
        long available = -1;
        long free = 0;
        for (String line : lines(meminfo)) {
            String[] f = line.split("[:\\s]+");
            if (f.length < 2) {
                continue;
            }
            long bytes = kib(f);
            switch (f[0]) {
                case "MemTotal" -> total = bytes;
                case "MemAvailable" -> available = bytes;
                case "MemFree", "Buffers", "Cached" -> free += Math.max(0, bytes);
                default -> { }
            }
        }
        return new HostReport.Memory(total, available >= 0 ? available : total >= 0 ? free : -1);
    }

    /** @return every mounted block or network file system, once per device, pseudo file systems skipped */
    List<HostReport.Disk> disks() {
        List<HostReport.Disk> out = new ArrayList<>();
        Set<String> devices = new HashSet<>();
        for (String line : lines(mounts)) {
            String[] f = line.split(" ");
            if (f.length < 3 || Mounts.PSEUDO.contains(f[2]) || f[2].startsWith("cgroup")) {
                continue;
            }
            String mount = Mounts.unescape(f[1]);
            Optional<Space> s = space.apply(Path.of(mount));
            // no space: a file bind-mounted (containers' /etc/hosts) or unreadable; a device seen already: a bind mount
            if (s.isPresent() && s.get().sizeBytes() > 0 && devices.add(f[0])) {
                out.add(new HostReport.Disk(mount, f[2], s.get().sizeBytes(), s.get().freeBytes()));
            }
        }
        return out;
    }

    /** @return NAME and VERSION_ID of os-release (else the JVM's os.name/os.version), the kernel release, the JVM's arch */
    HostReport.Os os() {
        String name = null;
        String version = null;
        for (String line : lines(osRelease)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                String key = line.substring(0, eq).trim();
                String value = unquote(line.substring(eq + 1).trim());
                if (key.equals("NAME")) {
                    name = value;
                } else if (key.equals("VERSION_ID") || (key.equals("VERSION") && version == null)) {
                    version = value;
                }
            }
        }
        List<String> kernel = lines(kernelRelease);
        return new HostReport.Os(name == null ? System.getProperty("os.name") : name,
                version == null ? System.getProperty("os.version") : version,
                kernel.isEmpty() ? System.getProperty("os.version") : kernel.get(0).trim(), System.getProperty("os.arch"));
    }

    /** @return whole seconds since boot, -1 when unknown */
    long uptimeSeconds() {
        List<String> l = lines(uptime);
        try {
            return l.isEmpty() ? -1 : (long) Double.parseDouble(l.get(0).trim().split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** @return the 1, 5 and 15 minute load averages, empty when unknown */
    List<Double> load() {
        List<String> l = lines(loadavg);
        try {
            String[] f = l.isEmpty() ? new String[0] : l.get(0).trim().split("\\s+");
            return f.length < 3 ? List.of() : List.of(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
        } catch (NumberFormatException e) {
            return List.of();
        }
    }

    private static long kib(String[] f) {
        try {
            long v = Long.parseLong(f[1]);
            return f.length > 2 && f[2].equalsIgnoreCase("kB") ? v * 1024 : v;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String unquote(String v) {
        return v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))
                ? v.substring(1, v.length() - 1) : v;
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
