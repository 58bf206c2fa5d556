package dev.orrery.center.market.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.market.MarketService;
import dev.orrery.center.market.SubscriptionRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundTest {
    @TempDir
    Path dir;

    @Test
    void importsOnceOnItsThreadThenReconcilesWhenASubscriptionChanges() {
        Fakes.Market market = new Fakes.Market();
        Fakes.Hosts hosts = new Fakes.Hosts();
        FakeTasks tasks = new FakeTasks();
        FakeCatalog catalog = new FakeCatalog();
        MarketServiceImpl service = new MarketServiceImpl(Fixture.config(20, 0, 3600, dir.toString()), market, hosts, tasks, catalog,
                Clock.systemUTC(), true);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> market.plugin("std", "1.0.0").isPresent());
            assertEquals(List.of(dir), catalog.imports);
            assertEquals(MarketService.IMPORTER, market.plugin("std", "1.0.0").orElseThrow().uploadedBy());
            hosts.add("h1", true, "web");
            hosts.runs("h1");
            service.subscribe(new SubscriptionRequest("web", "std", null, null, null, "ops"));
            await().atMost(Duration.ofSeconds(10)).until(() -> tasks.since(0).equals(List.of("h1 install std 1.0.0")));
            assertEquals(List.of(dir), catalog.imports);
        } finally {
            service.deactivate();
        }
    }

    @Test
    void theRealCatalogRefusesWhatIsNoJar() {
        MarketServiceImpl service = new MarketServiceImpl(Fixture.config(20, 0, 3600, ""), new Fakes.Market(), new Fakes.Hosts(),
                new FakeTasks(), new StaticCatalog(), Clock.systemUTC(), false);
        assertEquals(ErrorCode.PLUGIN_INVALID, assertThrows(OrreryException.class, () -> service.upload("no jar".getBytes(), "dev")).code());
        assertEquals(ErrorCode.CONTENT_TOO_LARGE, assertThrows(OrreryException.class, () -> service.upload(new byte[101], "dev")).code());
        service.deactivate();
    }
}
