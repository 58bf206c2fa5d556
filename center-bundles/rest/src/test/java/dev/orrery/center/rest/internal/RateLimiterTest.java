package dev.orrery.center.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong now = new AtomicLong();

    @Test
    void burstThenRate() {
        RateLimiter limiter = new RateLimiter(10, 3, now::get);
        assertEquals(0, limiter.acquire("k"));
        assertEquals(0, limiter.acquire("k"));
        assertEquals(0, limiter.acquire("k"));
        assertEquals(1, limiter.acquire("k"), "empty: retry within a second");
        now.addAndGet(100_000_000L); // 0.1 s: one token
        assertEquals(0, limiter.acquire("k"));
        assertEquals(1, limiter.acquire("k"));
        now.addAndGet(60_000_000_000L);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("k"), "refilled to the burst, not beyond");
        }
        assertEquals(1, limiter.acquire("k"));
    }

    @Test
    void slowRatesAskForLongerWaits() {
        RateLimiter limiter = new RateLimiter(1, 1, now::get);
        assertEquals(0, limiter.acquire("k"));
        assertEquals(1, limiter.acquire("k"));
        now.addAndGet(250_000_000L);
        assertEquals(1, limiter.acquire("k"));
        limiter.forget("k");
        assertEquals(0, limiter.acquire("k"), "a forgotten key starts full");
    }

    @Test
    void zeroDisablesAndBadSettingsFail() {
        RateLimiter off = new RateLimiter(0, 0, now::get);
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, off.acquire("k"));
        }
        assertEquals(0, RateLimiter.NONE.acquire("k"));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(-1, 1, now::get));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(5, 0, now::get));
    }
}
