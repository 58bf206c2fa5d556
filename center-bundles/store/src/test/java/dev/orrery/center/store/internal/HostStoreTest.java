package dev.orrery.center.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.HostStatus;
import dev.orrery.center.store.HostQuery;
import dev.orrery.center.store.HostRecord;
import dev.orrery.center.store.HostStore.Resolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostStoreTest extends DerbyTestSupport {
    static HostRecord host(String id, String name, List<String> ips, String sn, List<String> groups) {
        return new HostRecord(id, name, ips, sn, "idc1", null, HostStatus.OFFLINE, groups, Map.of(), 0);
    }

    @Test
    void registerCreatesThenUpdatesAndMergesGroups() {
        hosts.register(new HostRecord("reg-1", "alpha", List.of("10.0.0.1", "10.0.0.2"), "SN-A", "idc1", "ignored",
                HostStatus.ONLINE, List.of("web"), Map.of("rack", "r1"), 0));
        HostRecord h = hosts.get("reg-1").orElseThrow();
        assertEquals("alpha", h.hostname());
        assertEquals(List.of("10.0.0.1", "10.0.0.2"), h.ips());
        assertEquals(HostStatus.OFFLINE, h.status(), "registration alone does not make a host online");
        assertNull(h.channel());
        assertTrue(h.lastSeen() > 0);

        hosts.register(new HostRecord("reg-1", "alpha2", List.of("10.0.0.9"), "SN-A", "idc2", null, HostStatus.OFFLINE,
                List.of("db", "web"), Map.of("os", "linux"), 1234L));
        h = hosts.get("reg-1").orElseThrow();
        assertEquals("alpha2", h.hostname());
        assertEquals("idc2", h.idc());
        assertEquals(List.of("10.0.0.9"), h.ips(), "addresses are replaced");
        assertEquals(List.of("db", "web"), h.groups(), "groups are merged");
        assertEquals(Map.of("rack", "r1", "os", "linux"), h.labels());
        assertEquals(1234L, h.lastSeen());
        assertTrue(hosts.get("nope").isEmpty());
    }

    @Test
    void getAllReturnsKnownHostsInOrder() {
        hosts.register(host("g-2", "g2", List.of("10.7.0.2"), null, List.of("gg")));
        hosts.register(host("g-1", "g1", List.of("10.7.0.1"), null, List.of()));
        List<HostRecord> got = hosts.getAll(List.of("g-2", "g-missing", "g-1", "g-2"));
        assertEquals(List.of("g-2", "g-1"), ids(got));
        assertEquals(List.of("gg"), got.get(0).groups());
        assertEquals(List.of("10.7.0.1"), got.get(1).ips());
        assertEquals(List.of(), hosts.getAll(List.of()));
    }

    @Test
    void channelReportTracksPresence() {
        hosts.register(host("p-1", "p1", List.of(), null, List.of()));
        hosts.register(host("p-2", "p2", List.of(), null, List.of()));
        assertEquals(List.of("p-1", "p-2"), hosts.channelReport("ch-p", List.of("p-1", "p-2"), 100));
        HostRecord p1 = hosts.get("p-1").orElseThrow();
        assertEquals(HostStatus.ONLINE, p1.status());
        assertEquals("ch-p", p1.channel());
        assertEquals(100, p1.lastSeen());

        assertEquals(List.of(), hosts.channelReport("ch-p", List.of("p-1"), 200), "nothing new");
        assertEquals(HostStatus.OFFLINE, hosts.get("p-2").orElseThrow().status(), "left the channel's full set");
        assertEquals(200, hosts.get("p-1").orElseThrow().lastSeen());

        // p-1 moves to another channel; a stale report from the old one must not take it offline.
        assertEquals(List.of("p-1"), hosts.channelReport("ch-q", List.of("p-1"), 300));
        hosts.channelReport("ch-p", List.of(), 400);
        assertEquals("ch-q", hosts.get("p-1").orElseThrow().channel());

        assertEquals(Map.of("p-1", "ch-q"), hosts.onlineChannels(List.of("p-1", "p-2", "nosuch")), "only online hosts, with their channel");

        hosts.channelLost("ch-q");
        assertEquals(Map.of(), hosts.onlineChannels(List.of("p-1", "p-2")));
        HostRecord gone = hosts.get("p-1").orElseThrow();
        assertEquals(HostStatus.OFFLINE, gone.status());
        assertNull(gone.channel());
    }

    @Test
    void reportOfAnUnregisteredHostKeepsItVisible() {
        assertEquals(List.of("ghost-1"), hosts.channelReport("ch-g", List.of("ghost-1"), 10));
        assertEquals(HostStatus.ONLINE, hosts.get("ghost-1").orElseThrow().status());
    }

    @Test
    void resolvesByEveryKindOfNameAndListsTheUnknown() {
        hosts.register(host("r-1", "web-01", List.of("192.168.1.1", "fe80::1"), "SN-R1", List.of("rgroup")));
        hosts.register(host("r-2", "web-02", List.of("192.168.1.2"), "SN-R2", List.of("rgroup")));
        hosts.register(host("r-3", "db-01", List.of("192.168.1.3"), "SN-R3", List.of("rdb")));

        assertEquals(List.of("r-1"), hosts.resolve(List.of("r-1"), List.of()).hostIds());
        assertEquals(List.of("r-2"), hosts.resolve(List.of("web-02"), List.of()).hostIds());
        assertEquals(List.of("r-3"), hosts.resolve(List.of("192.168.1.3"), List.of()).hostIds());
        assertEquals(List.of("r-1"), hosts.resolve(List.of("fe80::1"), List.of()).hostIds());
        assertEquals(List.of("r-2"), hosts.resolve(List.of("SN-R2"), List.of()).hostIds());
        assertEquals(List.of("r-1", "r-2"), hosts.resolve(List.of(), List.of("rgroup")).hostIds());

        Resolution mixed = hosts.resolve(List.of("db-01", "nosuch-b", "r-1", "SN-R1", "nosuch-a"), List.of("rgroup", "nogroup"));
        assertEquals(List.of("r-3", "r-1", "r-2"), mixed.hostIds(), "distinct, in the order found");
        assertEquals(List.of("nosuch-b", "nosuch-a", "nogroup"), mixed.unknown(), "every unknown name, as given");
    }

    @Test
    void resolvesManyNamesAcrossChunks() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String id = String.format("bulk-%04d", i);
            hosts.register(host(id, "bulkname-" + i, List.of("172.16." + (i / 256) + "." + (i % 256)), null, List.of("bulk")));
            names.add(i % 2 == 0 ? id : "172.16." + (i / 256) + "." + (i % 256));
        }
        names.add("bulk-missing");
        Resolution r = hosts.resolve(names, List.of());
        assertEquals(300, r.hostIds().size());
        assertEquals(List.of("bulk-missing"), r.unknown());
        assertEquals(300, hosts.count(new HostQuery(null, "bulk", null, 0, 0)));
    }

    @Test
    void findsWithFiltersAndPages() {
        hosts.register(host("f-1", "find-one", List.of("10.9.0.1"), "FSN1", List.of("fgroup")));
        hosts.register(host("f-2", "find-two", List.of("10.9.0.2"), "FSN2", List.of("fgroup")));
        hosts.register(host("f-3", "find-three", List.of("10.9.0.3"), "FSN3", List.of("fother")));
        hosts.channelReport("ch-f", List.of("f-2"), 5);

        assertEquals(List.of("f-1", "f-2"), ids(hosts.find(new HostQuery(null, "fgroup", null, 0, 10))));
        assertEquals(List.of("f-2"), ids(hosts.find(new HostQuery(HostStatus.ONLINE, "fgroup", null, 0, 10))));
        assertEquals(List.of("f-3"), ids(hosts.find(new HostQuery(null, null, "FIND-THR", 0, 10))), "case-insensitive");
        assertEquals(List.of("f-2"), ids(hosts.find(new HostQuery(null, null, "10.9.0.2", 0, 10))), "by address");
        assertEquals(List.of("f-2", "f-3"), ids(hosts.find(new HostQuery(null, null, "find-t", 0, 10))));
        assertEquals(List.of("f-3"), ids(hosts.find(new HostQuery(null, null, "find-t", 1, 10))), "offset");
        assertEquals(List.of("f-2"), ids(hosts.find(new HostQuery(null, null, "find-t", 0, 1))), "limit");
        assertEquals(2, hosts.count(new HostQuery(null, null, "find-t", 0, 1)));
        assertEquals(List.of(), hosts.find(new HostQuery(null, null, "100%_", 0, 10)), "wildcards are literal");
        assertFalse(hosts.find(HostQuery.all()).isEmpty());
        HostRecord f2 = hosts.find(new HostQuery(null, null, "f-2", 0, 1)).get(0);
        assertEquals("ch-f", f2.channel());
        assertEquals(List.of("fgroup"), f2.groups());
    }

    private static List<String> ids(List<HostRecord> list) {
        return list.stream().map(HostRecord::hostId).toList();
    }
}
