package dev.orrery.agent.cron.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.agent.cron.internal.schedule.Schedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpreadTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** Every run of one host between START and end, walking with an injected "now" as the scheduler does. */
    private static List<Spread.Run> runs(Schedule s, boolean spread, String host, String cron, Instant end) {
        List<Spread.Run> out = new ArrayList<>();
        Instant now = START;
        Spread.Run r;
        while ((r = Spread.next(s, spread, host, cron, now)) != null && r.at().isBefore(end)) {
            out.add(r);
            now = r.at();
        }
        return out;
    }

    @Test
    void perMinuteJobOnSixtyHostsRunsOncePerPeriodEachSpreadOverTheMinute() {
        Schedule s = Schedule.parse("0 * * * * *", "UTC");
        Instant end = START.plusSeconds(3600);
        Map<Long, Integer> perSecond = new HashMap<>();
        for (int h = 0; h < 60; h++) {
            List<Spread.Run> runs = runs(s, true, "host-" + h, "c1", end);
            // the run of the fire at START may start after START: 59 or 60 runs in the hour
            Set<Long> periods = new HashSet<>();
            for (Spread.Run r : runs) {
                assertTrue(periods.add(r.fire().getEpochSecond() / 60), "two runs in one period");
                long offset = r.at().getEpochSecond() - r.fire().getEpochSecond();
                assertTrue(offset >= 0 && offset < 60, "offset " + offset);
            }
            long offset = runs.get(0).at().getEpochSecond() - runs.get(0).fire().getEpochSecond();
            runs.forEach(r -> assertEquals(offset, r.at().getEpochSecond() - r.fire().getEpochSecond(), "a stable offset"));
            assertTrue(runs.size() >= 59 && runs.size() <= 60, "runs " + runs.size());
            perSecond.merge(offset, 1, Integer::sum);
        }
        // 60 hosts over 60 seconds: hashed, so not one per second exactly, but well spread
        assertTrue(perSecond.size() >= 30, "distinct start seconds " + perSecond.size());
        assertTrue(perSecond.values().stream().allMatch(n -> n <= 6), "crowded second " + perSecond);
    }

    @Test
    void offsetIsStableAcrossRestarts() {
        Schedule s = Schedule.parse("0 0 * * * *", "UTC");
        Spread.Run a = Spread.next(s, true, "h-1", "c9", START.plusSeconds(10));
        Spread.Run b = Spread.next(s, true, "h-1", "c9", START.plusSeconds(11));
        assertEquals(a, b);
        // after the run, the next is one period later at the same offset
        Spread.Run c = Spread.next(s, true, "h-1", "c9", a.at());
        assertEquals(a.at().plusSeconds(3600), c.at());
    }

    @Test
    void aRestartAfterThisPeriodsRunDoesNotRunItAgain() {
        Schedule s = Schedule.parse("0 0 * * * *", "UTC");
        Spread.Run first = Spread.next(s, true, "h-7", "daily", START);
        Spread.Run afterRestart = Spread.next(s, true, "h-7", "daily", first.at().plusSeconds(1));
        assertEquals(first.fire().plusSeconds(3600), afterRestart.fire());
    }

    @Test
    void withoutSpreadRunsAtTheFire() {
        Schedule s = Schedule.parse("*/2 * * * * *", "UTC");
        List<Spread.Run> runs = runs(s, false, "h", "c", START.plusSeconds(10));
        assertEquals(4, runs.size());
        runs.forEach(r -> assertEquals(r.fire(), r.at()));
    }

    @Test
    void perSecondJobHasNoOffset() {
        Schedule s = Schedule.parse("* * * * * *", "UTC");
        List<Spread.Run> runs = runs(s, true, "h", "c", START.plusSeconds(10));
        assertEquals(9, runs.size());
        runs.forEach(r -> assertEquals(r.fire(), r.at()));
    }

    @Test
    void offsetIsWithinThePeriod() {
        for (long p : new long[] {1, 2, 60, 86_400}) {
            for (int i = 0; i < 100; i++) {
                long o = Spread.offset(Spread.hash("h" + i, "c"), p);
                assertTrue(o >= 0 && o < p);
            }
        }
    }
}
