package dev.orrery.bench.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FanoutFiguresTest {
    /** The last line's format, as the issue names it. */
    static final String LAST_LINE = "fanout agents=\\d+ channels=\\d+ connect_s=[0-9.]+ done_s=[0-9.]+ hosts_per_s=\\d+"
            + " baseline_hosts_per_s=\\d+ ratio=[0-9.]+";

    @Test
    void theLastLineCarriesTheRatioToTheBaseline() {
        FanoutFigures f = new FanoutFigures(100_000, 6, 42.5, 1.2, 8.0, 6.0, 3500, 900, 2.0);
        assertEquals(12_500, f.hostsPerS(), 1e-9);
        assertEquals(50_000, f.baselineHostsPerS(), 1e-9);
        assertEquals("fanout agents=100000 channels=6 connect_s=42.50 done_s=8.000 hosts_per_s=12500"
                + " baseline_hosts_per_s=50000 ratio=0.250", f.lastLine());
        assertTrue(f.lastLine().matches(LAST_LINE));
    }

    @Test
    void withoutBaselineTheLineStaysWellFormed() {
        FanoutFigures f = new FanoutFigures(200, 2, 3, 0.1, 0.5, 0.4, -1, -1, 0);
        assertTrue(f.lastLine().matches(LAST_LINE), f.lastLine());
        assertTrue(f.report().stream().anyMatch(l -> l.contains("not measured")));
        assertTrue(f.report().stream().anyMatch(l -> l.contains("not run")));
    }
}
