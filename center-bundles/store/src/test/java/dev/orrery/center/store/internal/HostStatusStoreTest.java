package dev.orrery.center.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.center.store.HostInventory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Status sections and the inventory on a real Derby. */
class HostStatusStoreTest extends DerbyTestSupport {

    @Test
    void sectionsReplaceTheirOwnTextOnlyAndUnknownHostsAreIgnored() {
        hosts.register(HostStoreTest.host("s-1", "s1", List.of("10.0.0.1"), "SN1", List.of()));
        hosts.register(HostStoreTest.host("s-2", "s2", List.of(), null, List.of()));
        hosts.updateStatus("s-1", Map.of("hostinfo", "{\"cpu\":1}", "agent", "{\"v\":\"1\"}"), 10);
        hosts.updateStatus("s-1", Map.of("hostinfo", "{\"cpu\":2}"), 20);
        Map<String, Map<String, String>> batch = new LinkedHashMap<>();
        batch.put("nobody", Map.of("agent", "{}"));
        batch.put("s-2", Map.of("agent", "{\"v\":\"2\"}", "x".repeat(HostStatusRows.MAX_SECTION + 1), "{}"));
        hosts.updateStatusAll(batch, 30);
        assertEquals(Map.of("hostinfo", "{\"cpu\":2}", "agent", "{\"v\":\"1\"}"), hosts.status("s-1"));
        assertEquals(Map.of("agent", "{\"v\":\"2\"}"), hosts.status("s-2"), "a too long section name is skipped");
        assertEquals(Map.of(), hosts.status("nobody"));
        assertEquals(Map.of("s-1", "{\"v\":\"1\"}", "s-2", "{\"v\":\"2\"}"), hosts.statusSection("agent", List.of("s-1", "s-2", "nobody")));
        assertEquals(Map.of("s-1", "{\"cpu\":2}"), hosts.statusSection("hostinfo", List.of("s-1", "s-2")));
    }

    @Test
    void inventorySetsOwnerAndExpectationsAndReplacesGroupsAndLabelsWhenGiven() {
        hosts.register(new dev.orrery.center.store.HostRecord("i-1", "i1", List.of(), null, "idc1", null,
                dev.orrery.api.HostStatus.OFFLINE, List.of("web"), Map.of("rack", "r1"), 0));
        HostInventory none = hosts.inventory("i-1").orElseThrow();
        assertNull(none.owner());
        assertEquals(List.of("web"), none.groups());

        assertTrue(hosts.setInventory("i-1", new HostInventory("team-a", null, null, "SN-X", "10.0.0.5")));
        HostInventory inv = hosts.inventory("i-1").orElseThrow();
        assertEquals("team-a", inv.owner());
        assertEquals("SN-X", inv.expectedSn());
        assertEquals("10.0.0.5", inv.expectedIp());
        assertEquals(List.of("web"), inv.groups(), "null groups: unchanged");
        assertEquals(Map.of("rack", "r1"), inv.labels(), "null labels: unchanged");

        assertTrue(hosts.setInventory("i-1", new HostInventory(null, List.of("db", "ops", "db"), Map.of("os", "linux"), null, null)));
        inv = hosts.inventory("i-1").orElseThrow();
        assertNull(inv.owner());
        assertNull(inv.expectedSn());
        assertEquals(List.of("db", "ops"), inv.groups());
        assertEquals(Map.of("os", "linux"), inv.labels());
        assertEquals(List.of("db", "ops"), hosts.get("i-1").orElseThrow().groups());

        assertFalse(hosts.setInventory("nobody", new HostInventory("x", null, null, null, null)));
        assertTrue(hosts.inventory("nobody").isEmpty());
    }
}
