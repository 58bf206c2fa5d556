package dev.orrery.agent.hostinfo.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orrery.agent.api.HostIdentity;
import java.util.List;

/**
 * What the agent reports about its host, as JSON {@code {"hostname","ips":[],"sn","cpu":{"model","cores"},
 * "memory":{"totalBytes","availableBytes"},"disks":[{"mount","type","sizeBytes","freeBytes"}],
 * "os":{"name","version","kernel","arch"},"uptimeSeconds","load":[1,5,15]}}. The {@linkplain #stableJson
 * status section} leaves out what changes all the time (uptime, load) and rounds free space and
 * available memory down, so it changes only when something real does.
 *
 * @param hostname the host name
 * @param ips every address, primary first
 * @param sn the serial number
 * @param cpu the processor
 * @param memory the memory
 * @param disks the mounted file systems
 * @param os the operating system
 * @param uptimeSeconds seconds since boot, -1 when unknown
 * @param load load averages over 1, 5 and 15 minutes, empty when unknown
 */
record HostReport(String hostname, List<String> ips, String sn, Cpu cpu, Memory memory, List<Disk> disks, Os os,
        long uptimeSeconds, List<Double> load) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Available memory is rounded down to a multiple of this share of the total in the status section. */
    static final int MEMORY_STEPS = 20;
    /** Free disk space is rounded down to a multiple of this share of the size in the status section. */
    static final int DISK_STEPS = 100;

    /** @param model the model name @param cores logical processors */
    record Cpu(String model, int cores) {
    }

    /** @param totalBytes MemTotal, -1 unknown @param availableBytes MemAvailable, -1 unknown */
    record Memory(long totalBytes, long availableBytes) {
    }

    /** @param mount mount point @param type file system type @param sizeBytes size @param freeBytes free for non-root users */
    record Disk(String mount, String type, long sizeBytes, long freeBytes) {
    }

    /** @param name distribution @param version its version @param kernel kernel release @param arch CPU architecture */
    record Os(String name, String version, String kernel, String arch) {
    }

    HostReport {
        ips = List.copyOf(ips);
        disks = List.copyOf(disks);
        load = List.copyOf(load);
    }

    /**
     * @param id the host identity
     * @param inv the inventory sources
     * @return the report now
     */
    static HostReport probe(HostIdentity id, Inventory inv) {
        return new HostReport(id.hostname(), id.ips(), id.sn(), inv.cpu(), inv.memory(), inv.disks(), inv.os(),
                inv.uptimeSeconds(), inv.load());
    }

    /** @return every figure as measured (the {@code hostinfo} task's answer) */
    String fullJson() {
        ObjectNode root = common(memory.availableBytes(), false);
        root.put("uptimeSeconds", uptimeSeconds);
        ArrayNode l = root.putArray("load");
        load.forEach(v -> l.add(Math.round(v * 100) / 100.0));
        return root.toString();
    }

    /** @return the status section: no uptime nor load, free space and available memory rounded down */
    String stableJson() {
        return common(roundDown(memory.availableBytes(), memory.totalBytes(), MEMORY_STEPS), true).toString();
    }

    private ObjectNode common(long available, boolean rounded) {
        ObjectNode root = JSON.createObjectNode();
        root.put("hostname", hostname);
        ArrayNode a = root.putArray("ips");
        ips.forEach(a::add);
        root.put("sn", sn);
        root.putObject("cpu").put("model", cpu.model()).put("cores", cpu.cores());
        root.putObject("memory").put("totalBytes", memory.totalBytes()).put("availableBytes", available);
        ArrayNode d = root.putArray("disks");
        for (Disk disk : disks) {
            d.addObject().put("mount", disk.mount()).put("type", disk.type()).put("sizeBytes", disk.sizeBytes())
                    .put("freeBytes", rounded ? roundDown(disk.freeBytes(), disk.sizeBytes(), DISK_STEPS) : disk.freeBytes());
        }
        root.putObject("os").put("name", os.name()).put("version", os.version()).put("kernel", os.kernel()).put("arch", os.arch());
        return root;
    }

    /**
     * @param value a figure
     * @param whole what it is a part of
     * @param steps into how many steps the whole is cut
     * @return the value rounded down to a multiple of {@code whole / steps}; unchanged when unknown
     */
    static long roundDown(long value, long whole, int steps) {
        long step = whole / steps;
        return value < 0 || step <= 0 ? value : value / step * step;
    }
}
