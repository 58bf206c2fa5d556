package dev.orrery.agent.hostinfo.internal;

import dev.orrery.agent.api.HostIdentity;
import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskHandler;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.TaskTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Task type {@code hostinfo}: answers with the identity and a little inventory as
 * {@code key=value} lines on stdout (keys: hostId, hostname, ips, sn, idc, groups, os.name,
 * os.version, os.arch, cpu.count, memory.total.bytes). Lists are comma separated; an unknown
 * memory size is -1.
 */
@Component(service = TaskHandler.class, property = TaskHandler.TYPE + "=" + TaskTypes.HOSTINFO)
public final class HostInfoHandler implements TaskHandler {
    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private final HostIdentity identity;

    /** @param identity this host */
    @Activate
    public HostInfoHandler(@Reference(name = "identity") HostIdentity identity) {
        this.identity = identity;
    }

    /**
     * Read-only and cheap: after an agent restart the facts are simply gathered again, which reports
     * a real outcome instead of the default {@code INTERRUPTED}.
     */
    @Override
    public TaskOutcome resume(TaskRequest request, TaskContext context) {
        return execute(request, context);
    }

    @Override
    public TaskOutcome execute(TaskRequest request, TaskContext context) {
        StringBuilder out = new StringBuilder();
        facts(identity, MEMINFO).forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        return TaskOutcome.succeeded(out.toString());
    }

    /**
     * @param id the identity
     * @param meminfo where to read the memory size ({@code /proc/meminfo} format)
     * @return the facts in report order
     */
    static Map<String, String> facts(HostIdentity id, Path meminfo) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("hostId", id.hostId());
        f.put("hostname", id.hostname());
        f.put("ips", String.join(",", id.ips()));
        f.put("sn", id.sn());
        f.put("idc", id.idc());
        f.put("groups", String.join(",", id.groups()));
        f.put("os.name", System.getProperty("os.name"));
        f.put("os.version", System.getProperty("os.version"));
        f.put("os.arch", System.getProperty("os.arch"));
        f.put("cpu.count", Integer.toString(Runtime.getRuntime().availableProcessors()));
        f.put("memory.total.bytes", Long.toString(totalMemory(meminfo)));
        return f;
    }

    /**
     * @param meminfo a {@code /proc/meminfo} style file
     * @return MemTotal in bytes, or -1 if unknown
     */
    static long totalMemory(Path meminfo) {
        try {
            List<String> lines = Files.readAllLines(meminfo);
            for (String line : lines) {
                if (line.startsWith("MemTotal:")) {
                    String[] parts = line.substring(9).trim().split("\\s+");
                    long value = Long.parseLong(parts[0]);
                    return parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? value * 1024 : value;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or unreadable: unknown
        }
        return -1;
    }
}
