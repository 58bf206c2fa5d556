package dev.orrery.agent.cron.internal.schedule;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A six-field cron schedule with seconds, {@code sec min hour day-of-month month day-of-week},
 * evaluated in a time zone. Each field takes {@code *} (or {@code ?}), numbers, names
 * ({@code JAN}–{@code DEC}, {@code SUN}–{@code SAT}, case-insensitive), ranges {@code a-b},
 * steps (star, slash, n), {@code a/n}, {@code a-b/n} and comma lists. Day of week is 0–7 (0 and 7 are
 * Sunday; {@code MON-SUN} is every day). When both day fields are restricted, a day matching
 * either runs (as in Vixie cron).
 *
 * <p>Daylight saving time: a wall-clock time that does not exist (the hour skipped in spring)
 * fires at the instant the gap ends, once; a wall-clock time that occurs twice (the hour repeated
 * in autumn) fires once, at its first occurrence. Immutable and thread-safe.
 */
public final class Schedule {
    /** A schedule that fires less often than this never fires, as far as this class knows. */
    private static final int MAX_YEARS = 30;
    private static final int MAX_STEPS = 1_000_000;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
            "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    /** Windows searched backwards for the previous fire: growing, so dense schedules stay cheap. */
    private static final Duration[] BACK = {Duration.ofSeconds(2), Duration.ofMinutes(2), Duration.ofHours(2), Duration.ofDays(2),
        Duration.ofDays(64), Duration.ofDays(800), Duration.ofDays(366L * MAX_YEARS)};

    private final String text;
    private final ZoneId zone;
    private final Field seconds;
    private final Field minutes;
    private final Field hours;
    private final Field daysOfMonth;
    private final Field months;
    private final Field daysOfWeek;

    private Schedule(String text, ZoneId zone, String[] f) {
        this.text = text;
        this.zone = zone;
        seconds = Field.parse("second", f[0], 0, 59, List.of());
        minutes = Field.parse("minute", f[1], 0, 59, List.of());
        hours = Field.parse("hour", f[2], 0, 23, List.of());
        daysOfMonth = Field.parse("day-of-month", f[3], 1, 31, List.of());
        months = Field.parse("month", f[4], 1, 12, MONTHS);
        // "MON-SUN": Sunday closing a range is 7
        daysOfWeek = Field.parse("day-of-week", f[5].toUpperCase(Locale.ROOT).replace("-SUN", "-7"), 0, 7, DAYS);
    }

    /**
     * @param text six fields separated by blanks
     * @param timezone a zone id such as {@code UTC} or {@code Europe/Paris}
     * @return the schedule
     * @throws IllegalArgumentException naming what is wrong: field count, a field, the zone, or a
     *     schedule that never fires (such as 30 February)
     */
    public static Schedule parse(String text, String timezone) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the schedule is empty; six fields are expected: sec min hour day-of-month month day-of-week");
        }
        String[] f = SPACES.split(text.strip());
        if (f.length != 6) {
            throw new IllegalArgumentException("the schedule '" + text.strip() + "' has " + f.length
                    + " fields; six are expected: sec min hour day-of-month month day-of-week");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(timezone == null || timezone.isBlank() ? "UTC" : timezone.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + timezone + "'; use a region id such as Europe/Paris or UTC");
        }
        Schedule s = new Schedule(String.join(" ", f), zone, f);
        if (s.next(Instant.EPOCH.plus(Duration.ofDays(366L * 50))) == null) {
            throw new IllegalArgumentException("the schedule '" + s.text + "' never fires");
        }
        return s;
    }

    /** @return the expression, blanks normalised */
    public String text() {
        return text;
    }

    /** @return the zone it is evaluated in */
    public ZoneId zone() {
        return zone;
    }

    /**
     * @param after an instant
     * @return the first fire strictly after it (whole seconds), or {@code null} if none within 30 years
     */
    public Instant next(Instant after) {
        LocalDateTime from = LocalDateTime.ofInstant(after, zone).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        for (int i = 0; i < MAX_STEPS; i++) {
            LocalDateTime match = match(from, from.getYear() + MAX_YEARS);
            if (match == null) {
                return null;
            }
            // atZone: a time in a gap moves forward by the gap; a repeated time takes its first offset
            Instant at = match.atZone(zone).toInstant();
            if (at.isAfter(after)) {
                return at;
            }
            from = match.plusSeconds(1);
        }
        return null;
    }

    /**
     * @param at an instant
     * @return the last fire at or before it, or {@code null} if none within 30 years
     */
    public Instant previous(Instant at) {
        long hi = at.getEpochSecond(); // no fire in (hi, at]: fires are whole seconds
        for (Duration back : BACK) {
            long lo = hi - back.getSeconds();
            Instant f = next(Instant.ofEpochSecond(lo));
            if (f != null && !f.isAfter(at)) {
                // a fire lies in (lo, at] and none in (hi, at]: bisect for the last second s with one in (s, at]
                long top = hi;
                while (top - lo > 1) {
                    long mid = lo + (top - lo) / 2;
                    Instant m = next(Instant.ofEpochSecond(mid));
                    if (m != null && !m.isAfter(at)) {
                        lo = mid;
                    } else {
                        top = mid;
                    }
                }
                return next(Instant.ofEpochSecond(lo));
            }
        }
        return null;
    }

    /** The first local date-time at or after {@code from} that matches every field. */
    private LocalDateTime match(LocalDateTime from, int lastYear) {
        LocalDateTime c = from;
        for (int i = 0; i < MAX_STEPS; i++) {
            if (c.getYear() > lastYear) {
                return null;
            }
            int month = months.next(c.getMonthValue());
            if (month != c.getMonthValue()) {
                c = month < 0 ? LocalDateTime.of(c.getYear() + 1, months.first(), 1, 0, 0)
                        : LocalDateTime.of(c.getYear(), month, 1, 0, 0);
                continue;
            }
            if (!dayMatches(c.toLocalDate())) {
                c = c.toLocalDate().plusDays(1).atStartOfDay();
                continue;
            }
            int hour = hours.next(c.getHour());
            if (hour != c.getHour()) {
                c = hour < 0 ? c.toLocalDate().plusDays(1).atStartOfDay() : c.toLocalDate().atTime(hour, 0);
                continue;
            }
            int minute = minutes.next(c.getMinute());
            if (minute != c.getMinute()) {
                c = minute < 0 ? c.truncatedTo(ChronoUnit.HOURS).plusHours(1) : c.truncatedTo(ChronoUnit.HOURS).withMinute(minute);
                continue;
            }
            int second = seconds.next(c.getSecond());
            if (second != c.getSecond()) {
                c = second < 0 ? c.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1) : c.withSecond(second).withNano(0);
                continue;
            }
            return c;
        }
        return null;
    }

    private boolean dayMatches(LocalDate d) {
        boolean dom = daysOfMonth.has(d.getDayOfMonth());
        int dowValue = d.getDayOfWeek().getValue() % 7;
        boolean dow = daysOfWeek.has(dowValue) || (dowValue == 0 && daysOfWeek.has(7));
        if (daysOfMonth.any() || daysOfWeek.any()) {
            return (daysOfMonth.any() || dom) && (daysOfWeek.any() || dow);
        }
        return dom || dow;
    }

    @Override
    public String toString() {
        return text + " (" + zone + ")";
    }
}
