package dev.orrery.bench.api;

import java.util.Locale;

/**
 * What one API load measured.
 *
 * @param rate offered commands per second
 * @param offered POSTs sent
 * @param accepted POSTs answered 202
 * @param refused POSTs answered otherwise
 * @param transportErrors POSTs that got no answer
 * @param unfinished accepted commands not DONE when collection gave up
 * @param clientBound whether the client's own bound on outstanding POSTs held the rate back
 * @param offeredSeconds how long the load ran
 * @param startMillis when it started, epoch ms
 * @param lastDoneMillis when the last command was DONE, epoch ms
 * @param done POST to DONE, per command
 * @param accept POST to 202, per command
 */
public record ApiFigures(int rate, long offered, int accepted, int refused, int transportErrors, int unfinished,
        boolean clientBound, double offeredSeconds, long startMillis, long lastDoneMillis, Latencies done, Latencies accept) {

    /** @return commands DONE per second, from the first POST to the last DONE (at least the load's length) */
    public double commandsPerSecond() {
        double span = Math.max(offeredSeconds, (lastDoneMillis - startMillis) / 1000.0);
        return done.count() / span;
    }

    /**
     * @param baselinePerSecond the HTTP stack's limit measured in the same run, or 0 if not measured
     * @return the figures as the bench's last line
     */
    public String line(double baselinePerSecond) {
        String line = String.format(Locale.ROOT, "api seconds=%.0f rate=%d commands_per_s=%.0f p50_ms=%d p99_ms=%d accepted=%d refused=%d"
                + " unfinished=%d", offeredSeconds, rate, commandsPerSecond(), done.percentile(50), done.percentile(99), accepted,
                refused + transportErrors, unfinished);
        return baselinePerSecond <= 0 ? line : line + String.format(Locale.ROOT, " baseline_per_s=%.0f ratio=%.3f", baselinePerSecond,
                commandsPerSecond() / baselinePerSecond);
    }

    /** @return a few lines for people */
    public String details() {
        return String.format(Locale.ROOT, "offered %d at %d/s over %.1f s%s; accepted %d, refused %d, no answer %d%n"
                + "POST -> 202: p50 %d ms, p99 %d ms, max %d ms%n"
                + "POST -> DONE: %d done, p50 %d ms, p99 %d ms, max %d ms; %d never done",
                offered, rate, offeredSeconds, clientBound ? " (client bound reached: the API answered slower than offered)" : "",
                accepted, refused, transportErrors, accept.percentile(50), accept.percentile(99), accept.percentile(100),
                done.count(), done.percentile(50), done.percentile(99), done.percentile(100), unfinished);
    }
}
