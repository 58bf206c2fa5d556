package dev.orrery.channel.relay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysGrowExponentiallyWithinJitterAndStopAtTheMaximum() {
        Backoff b = new Backoff(500, 10_000);
        long[] ceilings = {500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000};
        for (long ceiling : ceilings) {
            long d = b.nextDelayMs();
            assertTrue(d >= Math.max(500, ceiling / 2) && d <= ceiling, () -> d + " outside [" + ceiling / 2 + ", " + ceiling + "]");
        }
    }

    @Test
    void resetStartsAgainFromTheMinimum() {
        Backoff b = new Backoff(100, 100_000);
        for (int i = 0; i < 10; i++) {
            b.nextDelayMs();
        }
        b.reset();
        assertEquals(100, b.nextDelayMs());
    }

    @Test
    void delaysAreJittered() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            Backoff b = new Backoff(1000, 60_000);
            b.nextDelayMs();
            b.nextDelayMs();
            seen.add(b.nextDelayMs()); // drawn from [2000, 4000]
        }
        assertTrue(seen.size() > 10, "expected spread, got " + seen);
    }

    @Test
    void manyAttemptsNeverOverflow() {
        Backoff b = new Backoff(1, Long.MAX_VALUE / 2);
        for (int i = 0; i < 200; i++) {
            assertTrue(b.nextDelayMs() > 0);
        }
    }

    @Test
    void equalBoundsGiveAFixedDelay() {
        Backoff b = new Backoff(300, 300);
        assertEquals(300, b.nextDelayMs());
        assertEquals(300, b.nextDelayMs());
    }

    @Test
    void badBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(10, 5));
    }
}
