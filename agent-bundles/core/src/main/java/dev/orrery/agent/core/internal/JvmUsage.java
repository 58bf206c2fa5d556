package dev.orrery.agent.core.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Measures this JVM: process CPU time (from {@link ProcessHandle}), the heap now and after the
 * latest collection (memory pool collection usage), RSS from {@code /proc/self/status} where it
 * exists, and the thread count. Cheap: a few system calls per sample. Thread-safe.
 */
final class JvmUsage implements Usage.Probe {
    private static final Path STATUS = Path.of("/proc/self/status");
    private long lastCpuNanos = cpuNanos();
    private long lastWallNanos = System.nanoTime();

    @Override
    public synchronized Usage read() {
        long cpu = cpuNanos();
        long wall = System.nanoTime();
        int percent = cpu >= 0 && lastCpuNanos >= 0 && wall > lastWallNanos
                ? (int) Math.max(0, Math.round((cpu - lastCpuNanos) * 100.0 / (wall - lastWallNanos))) : 0;
        lastCpuNanos = cpu;
        lastWallNanos = wall;
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long max = heap.getMax() > 0 ? heap.getMax() : Runtime.getRuntime().maxMemory();
        return new Usage(percent, heap.getUsed(), live(heap.getUsed()), max, rss(),
                ManagementFactory.getThreadMXBean().getThreadCount());
    }

    /** Heap in use after the latest collection of each pool; a pool without that figure counts as it is now. */
    private static long live(long fallback) {
        long sum = 0;
        boolean any = false;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() != MemoryType.HEAP || !p.isValid()) {
                continue;
            }
            MemoryUsage after = p.getCollectionUsage(); // null where the pool has no such figure
            MemoryUsage u = after != null ? after : p.getUsage();
            if (u != null) {
                sum += u.getUsed();
                any = true;
            }
        }
        return any ? sum : fallback;
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** @return VmRSS in bytes, -1 where there is no {@code /proc} */
    static long rss() {
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("VmRSS:")) {
                    String[] f = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(f[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or unreadable: unknown
        }
        return -1;
    }
}
