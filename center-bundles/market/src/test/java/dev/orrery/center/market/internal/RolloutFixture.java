package dev.orrery.center.market.internal;

import dev.orrery.api.HostTaskState;
import dev.orrery.center.market.SubscriptionRequest;
import dev.orrery.center.market.SubscriptionStatus;
import dev.orrery.center.market.SubscriptionStatus.HostPlugin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** The service with in-memory fakes and passes run by hand, for the rollout tests. */
abstract class RolloutFixture {
    final Fakes.Market market = new Fakes.Market();
    final Fakes.Hosts hosts = new Fakes.Hosts();
    final FakeTasks tasks = new FakeTasks();
    final Fixture.ManualClock clock = new Fixture.ManualClock();
    final MarketServiceImpl service = new MarketServiceImpl(Fixture.config(20, 0, 3600, ""), market, hosts, tasks,
            new FakeCatalog(), clock, false);

    @AfterEach
    void stop() {
        service.deactivate();
    }

    void upload(String name, String version) {
        service.upload(FakeCatalog.jar(name, version), "dev");
    }

    void subscribe(String group, String plugin, String version, Integer batch, Integer failures) {
        service.subscribe(new SubscriptionRequest(group, plugin, version, batch, failures, "ops"));
    }

    /** Runs a pass and returns what it sent ("host op name version"). */
    List<String> pass() {
        int before = tasks.submitted.size();
        service.reconcileNow();
        return tasks.since(before);
    }

    void succeed(String host) {
        tasks.set(tasks.last(host), HostTaskState.SUCCEEDED, null, null);
    }

    Map<String, String> states(String group, String plugin) {
        SubscriptionStatus s = service.subscriptions(group).stream().filter(x -> x.subscription().plugin().equals(plugin)).findFirst().orElseThrow();
        return s.hosts().stream().collect(java.util.stream.Collectors.toMap(HostPlugin::hostId, HostPlugin::state, (a, b) -> a,
                java.util.TreeMap::new));
    }

    void webHosts(int n) {
        for (int i = 1; i <= n; i++) {
            hosts.add("h" + i, true, "web");
            hosts.runs("h" + i);
        }
    }
}
