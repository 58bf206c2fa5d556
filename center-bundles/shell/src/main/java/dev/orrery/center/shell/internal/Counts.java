package dev.orrery.center.shell.internal;

import dev.orrery.api.HostTaskState;
import java.util.Locale;
import java.util.Map;

/** The counts line of {@code orrery:task}: the total, then every non-zero state. */
final class Counts {
    private Counts() {
    }

    /** @return e.g. {@code "3 hosts: 2 succeeded, 1 timed_out"} */
    static String line(Map<HostTaskState, Integer> counts) {
        StringBuilder b = new StringBuilder();
        int total = 0;
        for (HostTaskState s : HostTaskState.values()) {
            int n = counts.getOrDefault(s, 0);
            total += n;
            if (n > 0) {
                b.append(b.length() == 0 ? "" : ", ").append(n).append(' ').append(s.name().toLowerCase(Locale.ROOT));
            }
        }
        return total + (total == 1 ? " host" : " hosts") + (b.length() == 0 ? "" : ": " + b);
    }
}
