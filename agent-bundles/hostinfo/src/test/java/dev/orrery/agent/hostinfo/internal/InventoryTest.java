package dev.orrery.agent.hostinfo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.HostTaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inventory read from fixture files (src/test/resources/fixture), never from this machine. */
class InventoryTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path FIXTURE = Path.of("src/test/resources/fixture").toAbsolutePath();
    static final Identity ID = new Identity("h-1", "host-1", List.of("10.0.0.1", "10.0.0.2"), "SN1", "dc", List.of());
    static final long GIB = 1L << 30;

    /** Space by mount point: sizes of 100 GiB, free 37.5 GiB; /etc/hosts is a file (no space). */
    static Optional<Inventory.Space> space(Path mount) {
        return mount.toString().equals("/etc/hosts") ? Optional.empty()
                : Optional.of(new Inventory.Space(100 * GIB, 37 * GIB + GIB / 2));
    }

    static Inventory fixture() {
        return new Inventory(FIXTURE.resolve("proc"), FIXTURE.resolve("os-release"), InventoryTest::space);
    }

    @Test
    void readsCpuMemoryOsUptimeAndLoad() {
        Inventory inv = fixture();
        assertEquals(new HostReport.Cpu("Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz", 2), inv.cpu());
        assertEquals(new HostReport.Memory(16318004L * 1024, 8159002L * 1024), inv.memory());
        assertEquals(new HostReport.Os("Debian GNU/Linux", "12", "6.1.0-18-amd64", System.getProperty("os.arch")), inv.os());
        assertEquals(350735, inv.uptimeSeconds());
        assertEquals(List.of(0.42, 0.37, 0.31), inv.load());
    }

    @Test
    void disksSkipPseudoFileSystemsBindMountsAndFiles() {
        List<String> mounts = fixture().disks().stream().map(d -> d.mount() + " " + d.type()).toList();
        assertEquals(List.of("/ ext4", "/data disk xfs", "/mnt/nas nfs4"), mounts);
    }

    @Test
    void missingSourcesGiveTheDocumentedFallbacks(@TempDir Path empty) {
        Inventory inv = new Inventory(empty, empty.resolve("none"), p -> Optional.empty());
        assertEquals(new HostReport.Cpu("unknown", Runtime.getRuntime().availableProcessors()), inv.cpu());
        assertEquals(new HostReport.Memory(-1, -1), inv.memory());
        assertEquals(System.getProperty("os.name"), inv.os().name());
        assertEquals(System.getProperty("os.version"), inv.os().kernel());
        assertTrue(inv.disks().isEmpty());
        assertEquals(-1, inv.uptimeSeconds());
        assertTrue(inv.load().isEmpty());
    }

    @Test
    void oldKernelsWithoutMemAvailableAddFreeBuffersAndCached(@TempDir Path proc) throws Exception {
        Files.writeString(proc.resolve("meminfo"), "MemTotal: 100 kB\nMemFree: 10 kB\nBuffers: 5 kB\nCached: 20 kB\n");
        assertEquals(new HostReport.Memory(102400, 35 * 1024), new Inventory(proc, proc, p -> Optional.empty()).memory());
    }

    @Test
    void theTaskAnswersEveryFigureAsJson() throws Exception {
        TaskOutcome o = new HostInfoHandler(ID, fixture()).execute(new TaskRequest("t", "h-1", "hostinfo", Map.of(), null, 0), null);
        assertEquals(HostTaskState.SUCCEEDED, o.state());
        JsonNode j = JSON.readTree(o.stdout());
        assertEquals("host-1", j.get("hostname").asText());
        assertEquals("10.0.0.2", j.get("ips").get(1).asText());
        assertEquals("SN1", j.get("sn").asText());
        assertEquals(2, j.get("cpu").get("cores").asInt());
        assertEquals(8159002L * 1024, j.get("memory").get("availableBytes").asLong());
        assertEquals(37 * GIB + GIB / 2, j.get("disks").get(0).get("freeBytes").asLong());
        assertEquals("/", j.get("disks").get(0).get("mount").asText());
        assertEquals(100 * GIB, j.get("disks").get(0).get("sizeBytes").asLong());
        assertEquals("12", j.get("os").get("version").asText());
        assertEquals(350735, j.get("uptimeSeconds").asLong());
        assertEquals(0.42, j.get("load").get(0).asDouble());
    }

    @Test
    void theStatusSectionIsRoundedAndCachedForTheProbeInterval() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000);
        HostInfoStatus status = new HostInfoStatus(ID, fixture(), 60, now::get);
        JsonNode j = JSON.readTree(status.json());
        assertFalse(j.has("uptimeSeconds"));
        assertFalse(j.has("load"));
        long total = 16318004L * 1024;
        assertEquals(8159002L * 1024 / (total / 20) * (total / 20), j.get("memory").get("availableBytes").asLong());
        assertEquals(37 * (GIB) + GIB / 2 - (37 * GIB + GIB / 2) % (GIB), j.get("disks").get(0).get("freeBytes").asLong());
        String first = status.json();
        now.addAndGet(59_000);
        assertTrue(first == status.json(), "cached within the probe interval");
        now.addAndGet(1_000);
        assertEquals(first, status.json(), "probed again, the same text when nothing real changed");
    }

    @Test
    void roundingDownIsToAShareOfTheWhole() {
        assertEquals(900, HostReport.roundDown(987, 1000, 10));
        assertEquals(-1, HostReport.roundDown(-1, 1000, 10));
        assertEquals(5, HostReport.roundDown(5, 3, 10), "a whole smaller than its steps is not rounded");
    }
}
