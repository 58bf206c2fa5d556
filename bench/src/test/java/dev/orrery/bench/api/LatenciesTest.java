package dev.orrery.bench.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatenciesTest {
    @Test
    void emptyIsZero() {
        assertEquals(0, new Latencies().percentile(99));
    }

    @Test
    void nearestRankPercentiles() {
        Latencies l = new Latencies();
        for (int i = 100; i >= 1; i--) {
            l.add(i);
        }
        assertEquals(100, l.count());
        assertEquals(50, l.percentile(50));
        assertEquals(99, l.percentile(99));
        assertEquals(100, l.percentile(100));
        assertEquals(1, l.percentile(0));
    }

    @Test
    void growsPastItsFirstArray() {
        Latencies l = new Latencies();
        for (int i = 0; i < 5000; i++) {
            l.add(7);
        }
        assertEquals(5000, l.count());
        assertEquals(7, l.percentile(99));
    }
}
