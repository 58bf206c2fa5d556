package dev.orrery.bench.fanout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one fan-out run measured, and how it is printed. Seconds are wall-clock seconds; a
 * negative heap figure means it was not measured.
 *
 * @param agents simulated agents
 * @param channels channel processes
 * @param connectS from starting the simulators to every agent ONLINE at the center
 * @param postS how long {@code POST /cmd} took to answer
 * @param doneS from sending {@code POST /cmd} to the task {@code DONE}
 * @param resultsS from the first result's {@code updatedAt} to {@code DONE}
 * @param channelHeapPerConn bytes of live heap per agent connection, over all channels
 * @param centerHeapPerConn bytes of live heap per online agent at the center
 * @param baselineS seconds for the same number of bare echo round trips, 0 when not run
 */
public record FanoutFigures(int agents, int channels, double connectS, double postS, double doneS, double resultsS,
        double channelHeapPerConn, double centerHeapPerConn, double baselineS) {

    /** @return hosts answered per second, POST to DONE */
    public double hostsPerS() {
        return agents / doneS;
    }

    /** @return echo round trips per second, 0 when the baseline was not run */
    public double baselineHostsPerS() {
        return baselineS > 0 ? agents / baselineS : 0;
    }

    /** @return the fan-out's share of the transport limit, 0 when the baseline was not run */
    public double ratio() {
        return baselineS > 0 ? hostsPerS() / baselineHostsPerS() : 0;
    }

    /** @return the human-readable report lines, before the last line */
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        lines.add(f("connect time:            %.2f s (%d agents ONLINE over %d channels, %.0f agents/s)", connectS, agents,
                channels, agents / connectS));
        lines.add(f("POST /cmd answered in:   %.3f s", postS));
        lines.add(f("done time:               %.3f s (POST /cmd to DONE, every result stored)", doneS));
        lines.add(f("hosts/s:                 %.0f", hostsPerS()));
        lines.add(f("results persisted/s:     %.0f (first result's updatedAt to DONE: %.3f s)", agents / resultsS, resultsS));
        lines.add(channelHeapPerConn < 0 ? "heap per connection:     not measured"
                : f("heap per connection:     channel %.0f B, center %.0f B (live heap after GC, online minus idle, / agents)",
                        channelHeapPerConn, centerHeapPerConn));
        lines.add(baselineS > 0 ? f("transport baseline:      %.3f s for %d echo round trips (%.0f/s)", baselineS, agents,
                baselineHostsPerS()) : "transport baseline:      not run");
        return lines;
    }

    /** @return the last line, in the format of the issue */
    public String lastLine() {
        return f("fanout agents=%d channels=%d connect_s=%.2f done_s=%.3f hosts_per_s=%.0f baseline_hosts_per_s=%.0f ratio=%.3f",
                agents, channels, connectS, doneS, hostsPerS(), baselineHostsPerS(), ratio());
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
