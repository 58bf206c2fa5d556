package dev.orrery.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The lines a child process (simulator, echo server or clients) prints for the driver:
 * {@code @<event> key=value key=value}, numbers only as values. Anything else a child prints is
 * log output, passed through.
 *
 * @param event what happened: {@code stats}, {@code ready}, {@code done}, ...
 * @param values its figures, in order
 */
public record StatusLine(String event, Map<String, Long> values) {
    /** @return this line as the child prints it */
    public String format() {
        StringBuilder b = new StringBuilder("@").append(event);
        values.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }

    /** @return the value of {@code key}, 0 when absent */
    public long get(String key) {
        return values.getOrDefault(key, 0L);
    }

    /**
     * @param line a line of a child's output
     * @return the status it carries, or empty for any other line (logs)
     */
    public static Optional<StatusLine> parse(String line) {
        if (line == null || !line.startsWith("@") || line.length() < 2) {
            return Optional.empty();
        }
        String[] parts = line.substring(1).trim().split("\\s+");
        Map<String, Long> values = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq <= 0) {
                return Optional.empty();
            }
            try {
                values.put(parts[i].substring(0, eq), Long.parseLong(parts[i].substring(eq + 1)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new StatusLine(parts[0], values));
    }

    /** @return a line of one event and its figures, given as alternating keys and values */
    public static StatusLine of(String event, Object... keyValues) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            values.put((String) keyValues[i], ((Number) keyValues[i + 1]).longValue());
        }
        return new StatusLine(event, values);
    }
}
