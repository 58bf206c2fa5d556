package dev.orrery.agent.hostinfo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IpOrderTest {
    static final List<String> PROBED = List.of("172.17.0.1", "10.1.2.3", "192.168.5.9", "fd00::5", "10.200.0.1");

    @Test
    void excludedBlocksGoAndPreferredOnesComeFirstInOrder() {
        IpOrder o = new IpOrder(List.of("192.168.0.0/16", "10.200.0.0/16"), List.of("172.17.0.0/16", "fd00::/8"));
        assertEquals(List.of("192.168.5.9", "10.200.0.1", "10.1.2.3"), o.apply(PROBED));
        assertEquals(PROBED, IpOrder.none().apply(PROBED));
    }

    @Test
    void blocksMatchByPrefix() {
        assertTrue(IpOrder.contains("10.0.0.0/8", "10.255.1.1"));
        assertFalse(IpOrder.contains("10.0.0.0/8", "11.0.0.1"));
        assertTrue(IpOrder.contains("10.1.2.3", "10.1.2.3"));
        assertTrue(IpOrder.contains("0.0.0.0/0", "8.8.8.8"));
        assertFalse(IpOrder.contains("fd00::/8", "10.0.0.1"), "families never match");
        assertTrue(IpOrder.contains("fd00::/8", "fd12::1"));
    }

    @Test
    void invalidBlocksAreRefusedNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new IpOrder(List.of("10.0.0.0/33"), List.of()));
        assertTrue(e.getMessage().startsWith("ipPrefer"));
        assertThrows(IllegalArgumentException.class, () -> new IpOrder(List.of(), List.of("example.com")));
        assertThrows(IllegalArgumentException.class, () -> new IpOrder(List.of(), List.of("10.0.0/8")));
    }

    @Test
    void theIdentityUsesTheOrderUnlessIpsAreConfigured() {
        HostProbe p = new HostProbe(null, null, null, null, () -> PROBED);
        IpOrder o = new IpOrder(List.of("10.200.0.0/16"), List.of("172.16.0.0/12"));
        assertEquals("10.200.0.1", Identity.resolve(Overrides.none(), o, p).ips().get(0));
        IpOrder all = new IpOrder(List.of(), List.of("0.0.0.0/0", "::/0"));
        assertEquals(List.of("127.0.0.1"), Identity.resolve(Overrides.none(), all, p).ips());
        Overrides fixed = new Overrides("", "", List.of("172.17.0.1"), "", "default", List.of());
        assertEquals(List.of("172.17.0.1"), Identity.resolve(fixed, o, p).ips());
    }
}
