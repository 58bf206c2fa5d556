package dev.orrery.center.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.HostStatus;
import dev.orrery.center.store.HostInventory;
import dev.orrery.center.store.HostRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** orrery:host's sheet: identity, inventory, mismatch and the agent's sections. */
class HostSheetTest {
    private static final HostRecord HOST = new HostRecord("h-1", "web-1", List.of("10.0.0.1"), "SN1", "idc1", "ch-1",
            HostStatus.ONLINE, List.of("web"), Map.of("rack", "r1"), 5);

    @Test
    void printsInventoryMismatchAndSections() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HostSheet.print(HOST, new HostInventory("team", List.of("web"), Map.of(), "SN9", "10.0.0.1"),
                Map.of("hostinfo", "{\"cpu\":{\"cores\":4}}", "agent", "{\"version\":\"1\"}"), new PrintStream(bytes, true,
                        StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("owner        team"), text);
        assertTrue(text.contains("mismatch     sn\n"), text);
        assertTrue(text.contains("hostinfo     {\"cpu\":{\"cores\":4}}"), text);
        assertTrue(text.contains("agent        {\"version\":\"1\"}"), text);
        assertTrue(text.contains("status       ONLINE on ch-1"), text);
    }

    @Test
    void anAddressReportedInTheHostinfoMatches() {
        HostInventory inv = new HostInventory(null, null, null, null, "192.168.1.5");
        assertEquals("ip", HostSheet.mismatch(HOST, inv, "{\"ips\":[\"10.0.0.1\"]}"));
        assertEquals("", HostSheet.mismatch(HOST, inv, "{\"ips\":[\"10.0.0.1\",\"192.168.1.5\"]}"));
        assertEquals("sn, ip", HostSheet.mismatch(HOST, new HostInventory(null, null, null, "X", "1.2.3.4"), null));
        assertEquals("", HostSheet.mismatch(HOST, null, null));
    }
}
