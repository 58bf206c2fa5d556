package dev.orrery.center.market.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.center.market.SubscriptionStatus.HostPlugin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hosts joining and leaving groups, several groups, uninstalls, restarts. */
class MembershipTest extends RolloutFixture {
    @Test
    void aHostJoiningTheGroupGetsItsPluginsAndOnlyCapableOnlineHostsAreSent() {
        upload("top", "1.0.0");
        webHosts(1);
        subscribe("web", "top", null, null, null);
        pass();
        succeed("h1");
        hosts.runs("h1", "top", "1.0.0");
        pass();
        assertEquals("DONE", market.sub("web", "top").state());
        hosts.add("h2", true, "web");
        hosts.plugins.put("h2", "garbage ]["); // unreadable: no plugins, but it has the capability
        hosts.add("h3", false, "web");
        hosts.runs("h3");
        hosts.add("h4", true, "web"); // no plugins section: no capability
        assertEquals(List.of("h2 install top 1.0.0"), pass());
        assertEquals("ROLLING", market.sub("web", "top").state());
        assertEquals(Map.of("h1", "INSTALLED", "h2", "INSTALLING", "h3", "PENDING", "h4", "PENDING"), states("web", "top"));
    }

    @Test
    void theHighestVersionAcrossGroupsWins() {
        upload("top", "1.0.0");
        upload("top", "2.0.0");
        hosts.add("h1", true, "web", "db");
        hosts.add("h2", true, "web");
        hosts.runs("h1");
        hosts.runs("h2");
        subscribe("web", "top", "1.0.0", null, null);
        subscribe("db", "top", "2.0.0", null, null);
        List<String> sent = pass();
        assertEquals(List.of("h1 install top 2.0.0", "h2 install top 1.0.0"), sent.stream().sorted().toList());
        tasks.set(tasks.last("h1"), HostTaskState.FAILED, ErrorCode.PLUGIN_FAILED, "bad");
        succeed("h2");
        pass();
        assertEquals("PAUSED", market.sub("db", "top").state());
        // h1's failure is db's business, not web's: web waits for it without pausing
        assertEquals("ROLLING", market.sub("web", "top").state());
        HostPlugin h1 = service.subscriptions("web").get(0).hosts().get(0);
        assertEquals("2.0.0", h1.desired());
        assertEquals("FAILED", h1.state());
        hosts.runs("h1", "top", "2.0.0");
        hosts.runs("h2", "top", "1.0.0");
        pass();
        assertEquals("DONE", market.sub("web", "top").state());
    }

    @Test
    void unsubscribingUninstallsWhereNoGroupWantsItAtMostOncePerRetryInterval() {
        upload("top", "1.0.0");
        hosts.add("h1", true, "web");
        hosts.add("h2", true, "web", "db");
        hosts.add("h3", false, "web");
        hosts.add("h4", true); // in no group, runs a leftover plugin
        hosts.runs("h1", "top", "1.0.0");
        hosts.runs("h2", "top", "1.0.0");
        hosts.runs("h3", "top", "1.0.0");
        hosts.runs("h4", "old", "0.1.0");
        subscribe("web", "top", null, null, null);
        subscribe("db", "top", null, null, null);
        assertEquals(List.of("h4 uninstall old"), pass());
        service.unsubscribe("web", "top", "ops");
        assertEquals(List.of("h1 uninstall top"), pass()); // h2 is in db, h3 is offline
        assertEquals(List.of(), pass());
        clock.advanceSeconds(31);
        assertEquals(List.of("h1 uninstall top", "h4 uninstall old"), pass().stream().sorted().toList());
        hosts.runs("h1");
        hosts.runs("h4");
        clock.advanceSeconds(31);
        assertEquals(List.of(), pass());
    }

    @Test
    void aNewVersionUpdatesAndTheCenterForgetsNothingItNeedsAfterARestart() {
        upload("top", "1.0.0");
        upload("top", "2.0.0");
        webHosts(2);
        hosts.runs("h1", "top", "1.0.0");
        hosts.runs("h2", "top", "1.0.0");
        subscribe("web", "top", "2.0.0", null, null);
        assertEquals(List.of("h1 install top 2.0.0", "h2 install top 2.0.0"), pass());
        // a new center: the attempts are gone, the subscription is not; installs are sent again (harmless)
        MarketServiceImpl restarted = new MarketServiceImpl(Fixture.config(20, 0, 3600, ""), market, hosts, tasks, new FakeCatalog(),
                clock, false);
        int before = tasks.submitted.size();
        restarted.reconcileNow();
        assertEquals(List.of("h1 install top 2.0.0", "h2 install top 2.0.0"), tasks.since(before));
        restarted.deactivate();
    }

    @Test
    void aHostThatLeavesTheGroupLosesItsPluginsWithinAPass() {
        upload("top", "1.0.0");
        webHosts(2);
        hosts.runs("h1", "top", "1.0.0");
        hosts.runs("h2", "top", "1.0.0");
        subscribe("web", "top", null, null, null);
        assertEquals(List.of(), pass());
        hosts.add("h2", true, "db"); // its inventory moved it elsewhere
        assertEquals(List.of("h2 uninstall top"), pass());
        assertEquals(Map.of("h1", "INSTALLED"), states("web", "top"));
    }
}
