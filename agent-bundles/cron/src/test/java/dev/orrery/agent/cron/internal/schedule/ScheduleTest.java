package dev.orrery.agent.cron.internal.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static Instant utc(String local) {
        return LocalDateTime.parse(local).atZone(UTC).toInstant();
    }

    private static String nextUtc(String expr, String after) {
        Instant n = Schedule.parse(expr, "UTC").next(utc(after));
        return n == null ? null : LocalDateTime.ofInstant(n, UTC).toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "* * * * * *            | 2026-01-01T00:00:00 | 2026-01-01T00:00:01",
        "*/2 * * * * *          | 2026-01-01T00:00:00 | 2026-01-01T00:00:02",
        "*/2 * * * * *          | 2026-01-01T00:00:01 | 2026-01-01T00:00:02",
        "0 * * * * *            | 2026-01-01T00:00:00 | 2026-01-01T00:01",
        "30 */15 * * * *        | 2026-01-01T00:00:31 | 2026-01-01T00:15:30",
        "0 0 * * * *            | 2026-01-01T23:30:00 | 2026-01-02T00:00",
        "0 0 9 * * MON-FRI      | 2026-01-02T10:00:00 | 2026-01-05T09:00",
        "0 0 9 * * mon-fri      | 2026-01-03T08:00:00 | 2026-01-05T09:00",
        "0 0 12 * * SAT,SUN     | 2026-01-01T00:00:00 | 2026-01-03T12:00",
        "0 0 12 * * 0           | 2026-01-01T00:00:00 | 2026-01-04T12:00",
        "0 0 12 * * 7           | 2026-01-01T00:00:00 | 2026-01-04T12:00",
        "0 0 12 * * MON-SUN     | 2026-01-01T13:00:00 | 2026-01-02T12:00",
        "0 0 0 1 * *            | 2026-01-15T00:00:00 | 2026-02-01T00:00",
        "0 0 0 31 * *           | 2026-02-01T00:00:00 | 2026-03-31T00:00",
        "0 0 0 29 2 *           | 2026-03-01T00:00:00 | 2028-02-29T00:00",
        "0 0 0 1 JAN,JUL *      | 2026-02-01T00:00:00 | 2026-07-01T00:00",
        "0 0 0 1 jan-mar/2 *    | 2026-01-02T00:00:00 | 2026-03-01T00:00",
        "0 0 8-10 * * *         | 2026-01-01T10:00:00 | 2026-01-02T08:00",
        "0 0 8-10/2 * * *       | 2026-01-01T08:00:00 | 2026-01-01T10:00",
        "5,10,15 * * * * *      | 2026-01-01T00:00:10 | 2026-01-01T00:00:15",
        "5/20 * * * * *         | 2026-01-01T00:00:26 | 2026-01-01T00:00:45",
        "0 0 0 13 * FRI         | 2026-01-01T00:00:00 | 2026-01-02T00:00",
        "0 0 0 * * ?            | 2026-01-01T00:00:00 | 2026-01-02T00:00",
        "0 0 0 ? * TUE          | 2026-01-01T00:00:00 | 2026-01-06T00:00",
        "59 59 23 31 12 *       | 2026-01-01T00:00:00 | 2026-12-31T23:59:59",
        "0 30 2 * * *           | 2026-12-31T03:00:00 | 2027-01-01T02:30",
    })
    void nextFire(String expr, String after, String expected) {
        assertEquals(LocalDateTime.parse(expected).toString(), nextUtc(expr.strip(), after.strip()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "* * * * *", "* * * * * * *", "60 * * * * *", "* 60 * * * *", "* * 24 * * *", "* * * 0 * *",
        "* * * 32 * *", "* * * * 13 *", "* * * * * 8", "*/0 * * * * *", "5-1 * * * * *", "a * * * * *", "* * * * FOO *",
        "1,,2 * * * * *", "0 0 0 30 2 *", "0 0 0 31 4 *", "-1 * * * * *"})
    void refusesInvalid(String expr) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedule.parse(expr, "UTC"));
        assertTrue(!e.getMessage().isBlank());
    }

    @Test
    void refusesUnknownZone() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedule.parse("* * * * * *", "Mars/Olympus"));
        assertTrue(e.getMessage().contains("Mars/Olympus"));
    }

    @Test
    void evaluatesInItsZone() {
        Schedule s = Schedule.parse("0 0 9 * * *", "Asia/Tokyo");
        Instant n = s.next(utc("2026-01-01T00:30:00"));
        assertEquals(utc("2026-01-02T00:00:00"), n); // 09:00 in Tokyo is 00:00 UTC
    }

    @Test
    void springForwardGapFiresOnceWhenTheGapEnds() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        Schedule s = Schedule.parse("0 30 2 * * *", "Europe/Paris");
        // 2026-03-29: 02:00 -> 03:00 in Paris
        Instant before = ZonedDateTime.of(2026, 3, 29, 1, 0, 0, 0, paris).toInstant();
        Instant n = s.next(before);
        assertEquals(ZonedDateTime.of(2026, 3, 29, 3, 30, 0, 0, paris).toInstant(), n);
        assertEquals(ZonedDateTime.of(2026, 3, 30, 2, 30, 0, 0, paris).toInstant(), s.next(n));
    }

    @Test
    void perMinuteThroughTheGapNeverRepeatsOrGoesBack() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        Schedule s = Schedule.parse("0 * * * * *", "Europe/Paris");
        Instant t = ZonedDateTime.of(2026, 3, 29, 1, 0, 0, 0, paris).toInstant();
        Instant end = ZonedDateTime.of(2026, 3, 29, 5, 0, 0, 0, paris).toInstant();
        List<Instant> fires = new ArrayList<>();
        while ((t = s.next(t)).isBefore(end)) {
            fires.add(t);
        }
        for (int i = 1; i < fires.size(); i++) {
            assertTrue(fires.get(i).isAfter(fires.get(i - 1)));
        }
        assertEquals(179, fires.size()); // 01:01-01:59, the gap once at 03:00, 03:01-04:59
    }

    @Test
    void fallBackRepeatedHourFiresOnce() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        Schedule s = Schedule.parse("0 30 2 * * *", "Europe/Paris");
        // 2026-10-25: 03:00 -> 02:00 in Paris; 02:30 happens twice
        Instant first = s.next(ZonedDateTime.of(2026, 10, 25, 0, 0, 0, 0, paris).toInstant());
        assertEquals(ZonedDateTime.ofLocal(LocalDateTime.of(2026, 10, 25, 2, 30), paris, null).toInstant(), first);
        Instant second = s.next(first);
        assertEquals(ZonedDateTime.of(2026, 10, 26, 2, 30, 0, 0, paris).toInstant(), second);
    }

    @Test
    void previousIsTheLastFireAtOrBefore() {
        Schedule s = Schedule.parse("0 */5 * * * *", "UTC");
        assertEquals(utc("2026-01-01T10:05:00"), s.previous(utc("2026-01-01T10:09:59")));
        assertEquals(utc("2026-01-01T10:10:00"), s.previous(utc("2026-01-01T10:10:00")));
        Schedule yearly = Schedule.parse("0 0 0 1 1 *", "UTC");
        assertEquals(utc("2026-01-01T00:00:00"), yearly.previous(utc("2026-12-31T00:00:00")));
        Schedule sparse = Schedule.parse("* * * * 1 *", "UTC");
        assertEquals(utc("2026-01-31T23:59:59"), sparse.previous(utc("2026-02-20T00:00:00")));
    }

    @Test
    void normalisesBlanks() {
        assertEquals("0 0 * * * *", Schedule.parse("  0   0 * *\t* * ", null).text());
        assertNull(null);
    }
}
