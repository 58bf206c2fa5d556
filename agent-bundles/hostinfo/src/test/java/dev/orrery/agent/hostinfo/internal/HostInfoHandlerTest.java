package dev.orrery.agent.hostinfo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.HostTaskState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostInfoHandlerTest {
    private static final Identity ID = new Identity("h-1", "host-1", List.of("10.0.0.1", "10.0.0.2"), "SN1", "dc",
            List.of("demo", "web"));

    @TempDir
    Path dir;

    @Test
    void reportsIdentityAndInventoryAsKeyValueLines() {
        TaskContext ctx = new TaskContext() {
            @Override public boolean isCancelled() { return false; }
            @Override public void onCancel(Runnable action) { }
        };
        TaskOutcome out = new HostInfoHandler(ID).execute(
                new TaskRequest("t1", "h-1", "hostinfo", Map.of(), null, 0), ctx);
        assertEquals(HostTaskState.SUCCEEDED, out.state());
        String text = new String(out.stdout(), StandardCharsets.UTF_8);
        assertTrue(text.contains("hostId=h-1\n"), text);
        assertTrue(text.contains("ips=10.0.0.1,10.0.0.2\n"), text);
        assertTrue(text.contains("groups=demo,web\n"), text);
        assertTrue(text.contains("os.name=" + System.getProperty("os.name") + "\n"), text);
        assertTrue(text.contains("cpu.count=" + Runtime.getRuntime().availableProcessors() + "\n"), text);
        assertTrue(text.contains("memory.total.bytes="), text);
        // read-only: after an agent restart it simply gathers the facts again
        TaskOutcome resumed = new HostInfoHandler(ID).resume(new TaskRequest("t1", "h-1", "hostinfo", Map.of(), null, 0), ctx);
        assertEquals(HostTaskState.SUCCEEDED, resumed.state());
        assertTrue(new String(resumed.stdout(), StandardCharsets.UTF_8).contains("hostId=h-1\n"));
    }

    @Test
    void factsAreInReportOrder() throws IOException {
        Map<String, String> f = HostInfoHandler.facts(ID, Files.writeString(dir.resolve("m"), "MemTotal: 2 kB\n"));
        assertEquals(List.of("hostId", "hostname", "ips", "sn", "idc", "groups", "os.name", "os.version", "os.arch",
                "cpu.count", "memory.total.bytes"), List.copyOf(f.keySet()));
        assertEquals("2048", f.get("memory.total.bytes"));
    }

    @Test
    void memoryIsParsedFromMeminfo() throws IOException {
        Path m = Files.writeString(dir.resolve("meminfo"), "MemFree:  10 kB\nMemTotal:       16318004 kB\n");
        assertEquals(16318004L * 1024, HostInfoHandler.totalMemory(m));
        assertEquals(-1, HostInfoHandler.totalMemory(dir.resolve("none")));
        assertEquals(-1, HostInfoHandler.totalMemory(Files.writeString(dir.resolve("bad"), "MemTotal: lots\n")));
    }

    @Test
    void systemProbeFindsNoLoopbackAndNoScopes() {
        List<String> ips = Interfaces.upAddresses();
        for (String ip : ips) {
            assertFalse(ip.startsWith("127."), ip);
            assertFalse(ip.contains("%"), ip);
        }
        assertFalse(HostProbe.system().ips().isEmpty());
        assertFalse(HostProbe.system().hostname().isBlank());
    }
}
