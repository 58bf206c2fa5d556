package dev.orrery.agent.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves. */
final class MutableClock extends Clock {
    private final AtomicLong millis = new AtomicLong(1_800_000_000_000L);

    void advanceHours(long h) {
        millis.addAndGet(h * 3_600_000L);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }
}
