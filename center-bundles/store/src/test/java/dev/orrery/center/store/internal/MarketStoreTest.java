package dev.orrery.center.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.center.store.MarketStore;
import dev.orrery.center.store.PluginRecord;
import dev.orrery.center.store.SubscriptionRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MarketStoreTest extends DerbyTestSupport {

    private static PluginRecord plugin(String name, String version, long at) {
        return new PluginRecord(name, version, "script", "does " + name, "bin/run.sh", "org.example." + name,
                Map.of("Bundle-SymbolicName", "org.example." + name, "Orrery-Plugin-Name", name, "Odd=Key", "line1\nline2%3D"),
                10, "ab".repeat(32), "ops", at);
    }

    private static String unique(String prefix) {
        return prefix + SEQ.incrementAndGet();
    }

    @Test
    void addsReadsAndRefusesDuplicates() {
        MarketStore store = new DerbyMarketStore(db);
        String name = unique("p");
        PluginRecord p = plugin(name, "1.0.0", 5);
        store.add(p, new byte[] {1, 2, 3});
        assertEquals(Optional.of(p), store.plugin(name, "1.0.0"));
        assertEquals(Optional.empty(), store.plugin(name, "2.0.0"));
        assertEquals(Optional.empty(), store.plugin(null, "1.0.0"));
        assertThrows(IllegalStateException.class, () -> store.add(plugin(name, "1.0.0", 9), new byte[] {4}));
        assertArrayEquals(new byte[] {1, 2, 3}, store.jar(name, "1.0.0").orElseThrow());
    }

    @Test
    void javaPluginWithoutEntryRoundTrips() {
        MarketStore store = new DerbyMarketStore(db);
        String name = unique("j");
        PluginRecord p = new PluginRecord(name, "1.0.0.beta", "java", null, null, null, null, 1, "cd".repeat(32), null, 1);
        store.add(p, new byte[] {9});
        PluginRecord got = store.plugin(name, "1.0.0.beta").orElseThrow();
        assertEquals(p, got);
        assertNull(got.entry());
        assertEquals("", got.description());
        assertEquals(Map.of(), got.manifest());
    }

    @Test
    void pluginsAreOrderedByNameThenUploadTime() {
        MarketStore store = new DerbyMarketStore(db);
        String b = unique("ord-b");
        String a = unique("ord-a");
        store.add(plugin(b, "1.0.0", 30), new byte[] {1});
        store.add(plugin(a, "2.0.0", 20), new byte[] {1});
        store.add(plugin(a, "10.0.0", 10), new byte[] {1});
        store.add(plugin(b, "0.9.0", 40), new byte[] {1});
        List<String> got = store.plugins().stream().filter(p -> p.name().startsWith("ord-"))
                .map(p -> p.name() + " " + p.version()).toList();
        assertEquals(List.of(a + " 10.0.0", a + " 2.0.0", b + " 1.0.0", b + " 0.9.0"), got);
    }

    @Test
    void aFourMebibyteJarRoundTrips() {
        MarketStore store = new DerbyMarketStore(db);
        String name = unique("big");
        byte[] jar = new byte[4 * 1024 * 1024];
        new Random(42).nextBytes(jar);
        store.add(plugin(name, "1.0.0", 1), jar);
        assertArrayEquals(jar, store.jar(name, "1.0.0").orElseThrow());
        assertEquals(Optional.empty(), store.jar(name, "1.0.1"));
    }

    @Test
    void removesAVersion() {
        MarketStore store = new DerbyMarketStore(db);
        String name = unique("rm");
        store.add(plugin(name, "1.0.0", 1), new byte[] {1});
        store.add(plugin(name, "2.0.0", 2), new byte[] {2});
        assertTrue(store.remove(name, "1.0.0"));
        assertFalse(store.remove(name, "1.0.0"));
        assertEquals(Optional.empty(), store.plugin(name, "1.0.0"));
        assertEquals(Optional.empty(), store.jar(name, "1.0.0"));
        assertArrayEquals(new byte[] {2}, store.jar(name, "2.0.0").orElseThrow());
        store.add(plugin(name, "1.0.0", 3), new byte[] {3});
        assertArrayEquals(new byte[] {3}, store.jar(name, "1.0.0").orElseThrow());
    }

    @Test
    void subscribeReplacesUnsubscribeRemovesRolloutUpdates() {
        MarketStore store = new DerbyMarketStore(db);
        String group = unique("g");
        SubscriptionRecord v1 = new SubscriptionRecord(group, "tool", "1.0.0", 20, 0, "ROLLING", null, "alice", 1);
        SubscriptionRecord other = new SubscriptionRecord(group, "atool", "1.0.0", 5, 2, "DONE", null, "bob", 2);
        store.subscribe(v1);
        store.subscribe(other);
        assertEquals(List.of(other, v1), mine(store, group));

        SubscriptionRecord v2 = new SubscriptionRecord(group, "tool", "2.0.0", 10, 1, "ROLLING", null, "carol", 3);
        store.subscribe(v2);
        assertEquals(List.of(other, v2), mine(store, group));

        assertTrue(store.rollout(group, "tool", "PAUSED", "h-1 failed: PLUGIN_FAILED", 7));
        SubscriptionRecord paused = new SubscriptionRecord(group, "tool", "2.0.0", 10, 1, "PAUSED", "h-1 failed: PLUGIN_FAILED", "carol", 7);
        assertEquals(List.of(other, paused), mine(store, group));
        assertTrue(store.rollout(group, "tool", "DONE", null, 8));
        assertNull(mine(store, group).get(1).reason());
        assertTrue(store.rollout(group, "tool", "PAUSED", "x".repeat(5000), 9));
        assertEquals(MarketRows.MAX_REASON, mine(store, group).get(1).reason().length());
        assertFalse(store.rollout(group, "nope", "DONE", null, 9));

        assertTrue(store.unsubscribe(group, "tool"));
        assertFalse(store.unsubscribe(group, "tool"));
        assertFalse(store.rollout(group, "tool", "DONE", null, 10));
        assertEquals(List.of(other), mine(store, group));
    }

    private static List<SubscriptionRecord> mine(MarketStore store, String group) {
        return store.subscriptions().stream().filter(s -> s.group().equals(group)).toList();
    }
}
