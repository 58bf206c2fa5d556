package dev.orrery.agent.hostinfo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverridesTest {

    static HostInfoConfig config(String hostId, String hostname, String ips, String sn, String idc, String groups) {
        return new HostInfoConfig() {
            @Override public Class<? extends Annotation> annotationType() { return HostInfoConfig.class; }
            @Override public String hostId() { return hostId; }
            @Override public String hostname() { return hostname; }
            @Override public String ips() { return ips; }
            @Override public String sn() { return sn; }
            @Override public String idc() { return idc; }
            @Override public String groups() { return groups; }
            @Override public String ipPrefer() { return ""; }
            @Override public String ipExclude() { return ""; }
            @Override public int probeSeconds() { return 60; }
        };
    }

    @Test
    void commaSeparatedListsAreTrimmedAndEmptiesDropped() {
        Overrides o = Overrides.of(config(" h1 ", "", " 10.0.0.1 ,, fe80::1 ", "", " dc ", "demo, web ,"));
        assertEquals("h1", o.hostId());
        assertEquals(List.of("10.0.0.1", "fe80::1"), o.ips());
        assertEquals("dc", o.idc());
        assertEquals(List.of("demo", "web"), o.groups());
    }

    @Test
    void defaultsMeanNoOverride() {
        Overrides o = Overrides.of(config("", "", "", "", "default", ""));
        assertEquals(Overrides.none(), o);
    }

    @Test
    void invalidIpIsRefusedWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Overrides.of(config("", "", "10.0.0.1,not-an-ip", "", "default", "")));
        assertTrue(e.getMessage().contains("not-an-ip"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Overrides.of(config("", "", "300.1.1.1", "", "default", "")));
    }

    @Test
    void blankIdcAndWhiteSpaceAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Overrides.of(config("", "", "", "", " ", "")));
        assertThrows(IllegalArgumentException.class, () -> Overrides.of(config("a b", "", "", "", "default", "")));
        assertThrows(IllegalArgumentException.class, () -> Overrides.of(config("", "", "", "", "default", "x y")));
    }

    @Test
    void componentAppliesItsConfiguration() {
        HostIdentityComponent c = new HostIdentityComponent(
                config("agent-9", "fake-9", "127.0.0.9", "SN9", "lab", "demo"));
        assertEquals("agent-9", c.hostId());
        assertEquals("fake-9", c.hostname());
        assertEquals(List.of("127.0.0.9"), c.ips());
        assertEquals("SN9", c.sn());
        assertEquals("lab", c.idc());
        assertEquals(List.of("demo"), c.groups());
    }
}
