package dev.orrery.agent.hostinfo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.HostTaskState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostInfoHandlerTest {
    private static final Identity ID = new Identity("h-1", "host-1", List.of("10.0.0.1", "10.0.0.2"), "SN1", "dc",
            List.of("demo", "web"));

    @Test
    void answersAgainAfterARestartFromThisMachine() throws Exception {
        TaskContext ctx = new TaskContext() {
            @Override public boolean isCancelled() { return false; }
            @Override public void onCancel(Runnable action) { }
        };
        // read-only: after an agent restart it simply gathers the facts again
        TaskOutcome o = new HostInfoHandler(ID).resume(new TaskRequest("t1", "h-1", "hostinfo", Map.of(), null, 0), ctx);
        assertEquals(HostTaskState.SUCCEEDED, o.state());
        JsonNode j = InventoryTest.JSON.readTree(o.stdout());
        assertEquals("host-1", j.get("hostname").asText());
        assertTrue(j.get("cpu").get("cores").asInt() >= 1);
        assertEquals(System.getProperty("os.arch"), j.get("os").get("arch").asText());
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
