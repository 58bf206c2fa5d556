package dev.orrery.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysGrowExponentiallyWithinBounds() {
        Backoff b = new Backoff(500, 30_000, new Random(1));
        long[] floors = {500, 1000, 2000, 4000, 8000, 15_000, 15_000, 15_000};
        long[] ceilings = {1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000};
        for (int i = 0; i < floors.length; i++) {
            long d = b.next();
            assertTrue(d >= floors[i] && d <= ceilings[i], "attempt " + i + ": " + d);
        }
    }

    @Test
    void neverLeavesMinMax() {
        Backoff b = new Backoff(50, 200, new Random(7));
        for (int i = 0; i < 1000; i++) {
            long d = b.next();
            assertTrue(d >= 50 && d <= 200, Long.toString(d));
        }
    }

    @Test
    void isJittered() {
        Set<Long> firstDelays = new HashSet<>();
        Random r = new Random(42);
        for (int i = 0; i < 50; i++) {
            firstDelays.add(new Backoff(500, 30_000, r).next());
        }
        assertTrue(firstDelays.size() > 10, "agents that failed together must not retry together: " + firstDelays);
    }

    @Test
    void resetStartsOver() {
        Backoff b = new Backoff(100, 100_000, new Random(3));
        for (int i = 0; i < 10; i++) {
            b.next();
        }
        b.reset();
        long d = b.next();
        assertTrue(d >= 100 && d <= 200, Long.toString(d));
    }

    @Test
    void equalBoundsGiveAFixedDelay() {
        Backoff b = new Backoff(300, 300, new Random());
        assertEquals(300, b.next());
        assertEquals(300, b.next());
    }

    @Test
    void manyAttemptsDoNotOverflow() {
        Backoff b = new Backoff(1, Long.MAX_VALUE / 4, new Random(5));
        for (int i = 0; i < 200; i++) {
            assertTrue(b.next() >= 1);
        }
    }

    @Test
    void badBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(0, 10, new Random()));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(10, 5, new Random()));
    }
}
