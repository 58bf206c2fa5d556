package dev.orrery.center.market.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.center.market.SubscriptionStatus;
import dev.orrery.center.market.SubscriptionStatus.HostPlugin;
import dev.orrery.center.market.internal.rollout.Reconciler;
import dev.orrery.center.proxy.Scope;
import dev.orrery.center.proxy.TaskSubmission;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Batches, failures, pause and resume. */
class RolloutTest extends RolloutFixture {
    @Test
    void rollsOutInBatchesAndIsDoneWhenEveryHostRunsIt() {
        upload("top", "1.0.0");
        webHosts(5);
        subscribe("web", "top", null, 2, null);
        assertEquals(List.of("h1 install top 1.0.0", "h2 install top 1.0.0"), pass());
        TaskSubmission t = tasks.submitted.get(0);
        assertEquals("plugin", t.type());
        assertEquals(Map.of("op", "install", "name", "top", "version", "1.0.0", "kind", "script", "sha256", "ab".repeat(32)), t.params());
        assertEquals("top 1.0.0 script", new String(t.body()));
        assertEquals(120, t.timeoutSeconds());
        assertEquals(Reconciler.SYSTEM, t.createdBy());
        assertEquals(Scope.ALL, t.scope());
        assertEquals(List.of("h1"), t.targets().hosts());
        assertEquals(Map.of("h1", "INSTALLING", "h2", "INSTALLING", "h3", "PENDING", "h4", "PENDING", "h5", "PENDING"), states("web", "top"));

        assertEquals(List.of(), pass()); // the batch is full
        succeed("h1");
        assertEquals(List.of("h3 install top 1.0.0"), pass()); // h1 counts as installed before its status says so
        assertEquals("INSTALLED", states("web", "top").get("h1"));
        hosts.runs("h1", "top", "1.0.0");
        hosts.runs("h2", "top", "1.0.0");
        succeed("h3");
        assertEquals(List.of("h4 install top 1.0.0", "h5 install top 1.0.0"), pass());
        succeed("h4");
        succeed("h5");
        assertEquals(List.of(), pass());
        assertEquals("DONE", market.sub("web", "top").state());
        assertEquals(List.of(), pass());
        assertEquals(2, service.plugin("top").orElseThrow().versions().get(0).installed()); // h1, h2 report it; h3-h5 not yet
    }

    @Test
    void aFailurePausesWithTheReasonAndResubscribingResumes() {
        upload("top", "1.0.0");
        webHosts(4);
        subscribe("web", "top", null, 2, null);
        pass();
        tasks.set(tasks.last("h1"), HostTaskState.FAILED, ErrorCode.PLUGIN_FAILED, "top 1.0.0 failed to start: boom; rolled back");
        assertEquals(List.of(), pass());
        String reason = market.sub("web", "top").reason();
        assertEquals("PAUSED", market.sub("web", "top").state());
        assertEquals("rollout of top 1.0.0 to group web paused: 1 of 4 hosts failed (threshold 0): h1: PLUGIN_FAILED: top 1.0.0 failed "
                + "to start: boom; rolled back", reason);
        succeed("h2");
        assertEquals(List.of(), pass()); // paused: nothing more
        SubscriptionStatus s = service.subscriptions("web").get(0);
        assertEquals(List.of("FAILED", "INSTALLED", "PAUSED", "PAUSED"), s.hosts().stream().map(HostPlugin::state).toList());
        assertTrue(s.hosts().get(0).error().startsWith("PLUGIN_FAILED"));
        assertNull(s.hosts().get(2).error());

        subscribe("web", "top", "1.0.0", null, 1); // same version again: resume, tolerating one failure now
        assertEquals("ROLLING", market.sub("web", "top").state());
        assertNull(market.sub("web", "top").reason());
        assertEquals(List.of("h1 install top 1.0.0", "h3 install top 1.0.0", "h4 install top 1.0.0"), pass());
    }

    @Test
    void toleratedFailuresLetTheRolloutGoOnAndANewVersionUpdatesTheHosts() {
        upload("top", "1.0.0");
        upload("top", "1.1.0");
        webHosts(3);
        subscribe("web", "top", "1.0.0", 1, 1);
        assertEquals(List.of("h1 install top 1.0.0"), pass());
        tasks.set(tasks.last("h1"), HostTaskState.TIMED_OUT, null, null);
        assertEquals(List.of("h2 install top 1.0.0"), pass()); // one failure tolerated: the next batch goes
        assertEquals("ROLLING", market.sub("web", "top").state());
        HostPlugin h1 = service.subscriptions("web").get(0).hosts().get(0);
        assertEquals("FAILED", h1.state());
        assertEquals("TIMED_OUT", h1.error());
        succeed("h2");
        hosts.runs("h2", "top", "1.0.0");
        assertEquals(List.of("h3 install top 1.0.0"), pass());
        subscribe("web", "top", "1.1.0", 3, null); // replaces 1.0.0
        assertEquals(List.of("h1 install top 1.1.0", "h2 install top 1.1.0", "h3 install top 1.1.0"), pass());
        assertEquals("1.1.0", service.subscriptions("web").get(0).hosts().get(1).desired());
        assertEquals("1.0.0", service.subscriptions("web").get(0).hosts().get(1).actual());
    }

    @Test
    void anAgentReportedFailureIsRetriedOnSubscribeAndCountsForACenterThatDidNotSendIt() {
        upload("top", "2.0.0");
        webHosts(3);
        String failedOnH1 = "[{\"name\":\"top\",\"version\":\"1.0.0\",\"state\":\"ACTIVE\",\"failedVersion\":\"2.0.0\","
                + "\"error\":\"PLUGIN_FAILED: no service\"}]";
        hosts.plugins.put("h1", failedOnH1);
        subscribe("web", "top", null, null, 1);
        // subscribing means "try it": a failure the agent remembers from before is tried again
        assertEquals(List.of("h1 install top 2.0.0", "h2 install top 2.0.0", "h3 install top 2.0.0"), pass());
        // a restarted center knows only what the agents report
        MarketServiceImpl restarted = new MarketServiceImpl(Fixture.config(20, 0, 3600, ""), market, hosts, tasks, new FakeCatalog(),
                clock, false);
        hosts.plugins.put("h3", "[{\"name\":\"top\",\"failedVersion\":\"2.0.0\",\"error\":\"PLUGIN_FAILED: again\"}]");
        hosts.runs("h2", "top", "2.0.0");
        restarted.reconcileNow();
        assertEquals("rollout of top 2.0.0 to group web paused: 2 of 3 hosts failed (threshold 1): h1: PLUGIN_FAILED: no service; "
                + "h3: PLUGIN_FAILED: again", market.sub("web", "top").reason());
        assertEquals(List.of("FAILED", "INSTALLED", "FAILED"), failedOrState(restarted));
        restarted.deactivate();
    }

    private List<String> failedOrState(MarketServiceImpl s) {
        return s.subscriptions("web").get(0).hosts().stream().map(h -> h.error() == null ? h.state() : "FAILED").toList();
    }

    @Test
    void aVersionRolledBackAfterItsFirstRunCountsAsFailedAndIsNotReinstalledInALoop() {
        upload("top", "1.0.0");
        upload("top", "2.0.0");
        webHosts(2);
        hosts.runs("h1", "top", "1.0.0");
        hosts.runs("h2", "top", "1.0.0");
        subscribe("web", "top", "2.0.0", 2, 0);
        assertEquals(List.of("h1 install top 2.0.0", "h2 install top 2.0.0"), pass());
        succeed("h1");
        succeed("h2");
        hosts.runs("h2", "top", "2.0.0");
        pass();
        // its first run failed to run: the agent went back to 1.0.0 and says why
        hosts.plugins.put("h1", "[{\"name\":\"top\",\"version\":\"1.0.0\",\"state\":\"ACTIVE\",\"failedVersion\":\"2.0.0\","
                + "\"error\":\"PLUGIN_FAILED: top 2.0.0 failed to run: boom; rolled back to 1.0.0\"}]");
        clock.advanceSeconds(31); // the successful install is no longer taken for the host's state
        assertEquals(List.of(), pass());
        assertEquals("PAUSED", market.sub("web", "top").state());
        assertTrue(market.sub("web", "top").reason().contains("h1: PLUGIN_FAILED: top 2.0.0 failed to run"), market.sub("web", "top").reason());
        clock.advanceSeconds(60);
        assertEquals(List.of(), pass()); // no install again and again
        subscribe("web", "top", "2.0.0", 2, 0); // someone says try again
        assertEquals(List.of("h1 install top 2.0.0"), pass());
    }
}
