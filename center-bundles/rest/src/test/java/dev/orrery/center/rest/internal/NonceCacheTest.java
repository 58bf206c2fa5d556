package dev.orrery.center.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NonceCacheTest {

    @Test
    void remembersUntilExpiryThenForgets() {
        NonceCache cache = new NonceCache(10);
        assertEquals(NonceCache.Use.FRESH, cache.use("a", 1000, 0));
        assertEquals(NonceCache.Use.REPLAYED, cache.use("a", 1000, 999));
        assertEquals(NonceCache.Use.REPLAYED, cache.use("a", 1000, 1000));
        assertEquals(NonceCache.Use.FRESH, cache.use("a", 2000, 1001));
        assertEquals(1, cache.size());
    }

    @Test
    void refusesWhenFullOfLiveEntriesAndRecoversAfterExpiry() {
        NonceCache cache = new NonceCache(2);
        assertEquals(NonceCache.Use.FRESH, cache.use("a", 100, 0));
        assertEquals(NonceCache.Use.FRESH, cache.use("b", 200, 0));
        assertEquals(NonceCache.Use.FULL, cache.use("c", 300, 50));
        assertEquals(NonceCache.Use.REPLAYED, cache.use("a", 100, 50));
        assertEquals(NonceCache.Use.FRESH, cache.use("c", 300, 150));
        assertEquals(2, cache.size());
    }
}
