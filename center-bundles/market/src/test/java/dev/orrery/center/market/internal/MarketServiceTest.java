package dev.orrery.center.market.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.market.PluginInfo;
import dev.orrery.center.market.SubscriptionRequest;
import dev.orrery.center.market.SubscriptionStatus;
import dev.orrery.center.store.PluginRecord;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MarketServiceTest {
    private final Fakes.Market market = new Fakes.Market();
    private final Fakes.Hosts hosts = new Fakes.Hosts();
    private final FakeTasks tasks = new FakeTasks();
    private final Fixture.ManualClock clock = new Fixture.ManualClock();
    private final MarketServiceImpl service = new MarketServiceImpl(Fixture.config(20, 0, 3600, ""), market, hosts, tasks,
            new FakeCatalog(), clock, false);

    @AfterEach
    void stop() {
        service.deactivate();
    }

    private static ErrorCode codeOf(Runnable r) {
        return assertThrows(OrreryException.class, r::run).code();
    }

    private PluginRecord upload(String name, String version) {
        clock.advanceSeconds(1);
        return service.upload(FakeCatalog.jar(name, version), "dev");
    }

    private static SubscriptionRequest sub(String group, String plugin, String version, Integer batch, Integer failures) {
        return new SubscriptionRequest(group, plugin, version, batch, failures, "ops");
    }

    @Test
    void uploadStoresOnceAndRefusesTheSameVersionAgainWith409() {
        PluginRecord p = upload("disk", "1.0.0");
        assertEquals("dev", p.uploadedBy());
        assertEquals(clock.millis(), p.uploadedAt());
        assertTrue(market.jar("disk", "1.0.0").isPresent());
        OrreryException e = assertThrows(OrreryException.class, () -> upload("disk", "1.0.0"));
        assertEquals(ErrorCode.CONFLICT, e.code());
        assertTrue(e.getMessage().contains("disk 1.0.0"), e.getMessage());
        assertEquals(ErrorCode.PLUGIN_INVALID, codeOf(() -> service.upload("garbage".getBytes(), "dev")));
        assertEquals(ErrorCode.PLUGIN_INVALID, codeOf(() -> service.upload(new byte[0], "dev")));
        assertEquals(ErrorCode.PLUGIN_INVALID, codeOf(() -> service.upload(null, "dev")));
        assertEquals(ErrorCode.CONTENT_TOO_LARGE, codeOf(() -> service.upload(("x " + "9".repeat(100) + " java").getBytes(), "dev")));
        assertEquals(1, market.plugins().size());
    }

    @Test
    void listsVersionsNewestFirstWithInstallCountsAndGroups() {
        upload("top", "1.10.0");
        upload("top", "1.9.0");
        upload("top", "1.2.0.beta");
        upload("disk", "2.0.0");
        hosts.add("h1", true, "web");
        hosts.add("h2", false, "db");
        hosts.add("h3", true);
        hosts.add("h4", true);
        hosts.runs("h1", "top", "1.9.0", "disk", "2.0.0");
        hosts.runs("h2", "top", "1.9.0");
        hosts.plugins.put("h3", "this is not json");
        hosts.plugins.put("h4", "{\"name\":\"top\",\"version\":\"1.10.0\"}");
        service.subscribe(sub("web", "top", "1.9.0", null, null));
        service.subscribe(sub("db", "top", "1.9.0", null, null));

        List<PluginInfo> all = service.plugins();
        assertEquals(List.of("disk", "top"), all.stream().map(PluginInfo::name).toList());
        PluginInfo top = service.plugin("top").orElseThrow();
        assertEquals("1.10.0", top.latest());
        assertEquals("the top 1.10.0", top.description());
        assertEquals(List.of("1.10.0", "1.9.0", "1.2.0.beta"), top.versions().stream().map(v -> v.record().version()).toList());
        assertEquals(List.of(0, 2, 0), top.versions().stream().map(v -> v.installed()).toList());
        assertEquals(List.of("db", "web"), top.versions().get(1).groups());
        assertEquals(List.of(), top.versions().get(0).groups());
        assertTrue(service.plugin("nope").isEmpty());
        assertEquals("1.10.0", service.version("top", null).orElseThrow().version());
        assertEquals("1.9.0", service.version("top", "1.9").orElseThrow().version());
        assertTrue(service.version("top", "3.0.0").isEmpty());
        assertTrue(service.jar("disk", null).isPresent());
        assertEquals("base/4", service.repositoryXml("base/"));
    }

    @Test
    void deleteRefusesUnknownAndSubscribedVersionsNamingTheGroups() {
        upload("top", "1.0.0");
        upload("top", "2.0.0");
        service.subscribe(sub("web", "top", "1.0.0", null, null));
        service.subscribe(sub("db", "top", "1.0.0", null, null));
        assertEquals(ErrorCode.NOT_FOUND, codeOf(() -> service.delete("top", "3.0.0", "ops")));
        assertEquals(ErrorCode.NOT_FOUND, codeOf(() -> service.delete("nope", "1.0.0", "ops")));
        assertEquals(ErrorCode.NOT_FOUND, codeOf(() -> service.delete("top", null, "ops")));
        OrreryException e = assertThrows(OrreryException.class, () -> service.delete("top", "1.0.0", "ops"));
        assertEquals(ErrorCode.CONFLICT, e.code());
        assertEquals(List.of("db", "web"), e.details());
        assertTrue(e.getMessage().contains("db, web"), e.getMessage());
        service.delete("top", "2.0.0", "ops");
        assertTrue(service.unsubscribe("web", "top", "ops"));
        assertFalse(service.unsubscribe("web", "top", "ops"));
        assertTrue(service.unsubscribe("db", "top", "ops"));
        service.delete("top", "1.0.0", "ops");
        assertTrue(service.plugins().isEmpty());
    }

    @Test
    void subscribeValidatesGroupPluginVersionBatchAndThreshold() {
        upload("top", "1.0.0");
        upload("top", "1.1.0");
        for (String bad : new String[] {"", " ", "a b", "a,b", "tab\there", "x".repeat(256)}) {
            assertEquals(ErrorCode.INVALID_REQUEST, codeOf(() -> service.subscribe(sub(bad, "top", null, null, null))), bad);
        }
        assertEquals(ErrorCode.INVALID_REQUEST, codeOf(() -> service.subscribe(sub(null, "top", null, null, null))));
        assertEquals(ErrorCode.INVALID_REQUEST, codeOf(() -> service.subscribe(sub("web", null, null, null, null))));
        assertEquals(ErrorCode.INVALID_REQUEST, codeOf(() -> service.subscribe(sub("web", "top", null, 0, null))));
        assertEquals(ErrorCode.INVALID_REQUEST, codeOf(() -> service.subscribe(sub("web", "top", null, 10_001, null))));
        assertEquals(ErrorCode.INVALID_REQUEST, codeOf(() -> service.subscribe(sub("web", "top", null, null, -1))));
        assertEquals(ErrorCode.INVALID_REQUEST, codeOf(() -> service.subscribe(sub("web", "top", null, null, 100_001))));
        assertEquals(ErrorCode.INVALID_REQUEST, codeOf(() -> service.subscribe(null)));
        assertEquals(ErrorCode.NOT_FOUND, codeOf(() -> service.subscribe(sub("web", "nope", null, null, null))));
        assertEquals(ErrorCode.NOT_FOUND, codeOf(() -> service.subscribe(sub("web", "top", "9.0.0", null, null))));
        assertTrue(market.subscriptions().isEmpty());

        hosts.add("h1", true, "web");
        SubscriptionStatus s = service.subscribe(sub("web", "top", null, 10_000, 100_000));
        assertEquals("1.1.0", s.subscription().version());
        assertEquals("ROLLING", s.subscription().state());
        assertEquals(10_000, s.subscription().batchSize());
        assertEquals("ops", s.subscription().updatedBy());
        assertEquals(List.of("h1"), s.hosts().stream().map(SubscriptionStatus.HostPlugin::hostId).toList());
        SubscriptionStatus d = service.subscribe(sub("db", "top", "1.0", null, null));
        assertEquals("1.0.0", d.subscription().version());
        assertEquals(20, d.subscription().batchSize());
        assertEquals(0, d.subscription().maxFailures());
        assertEquals(2, service.subscriptions(null).size());
        assertEquals(List.of("db"), service.subscriptions("db").stream().map(x -> x.subscription().group()).toList());
    }

    @Test
    void badConfigurationFailsActivationNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MarketServiceImpl(Fixture.config(0, 0, 2, ""), market, hosts, tasks, new FakeCatalog(), clock, false));
        assertTrue(e.getMessage().contains("batchSize"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new MarketServiceImpl(Fixture.config(1, -1, 2, ""), market, hosts, tasks, new FakeCatalog(), clock, false));
        assertThrows(IllegalArgumentException.class,
                () -> new MarketServiceImpl(Fixture.config(1, 0, 0, ""), market, hosts, tasks, new FakeCatalog(), clock, false));
    }
}
