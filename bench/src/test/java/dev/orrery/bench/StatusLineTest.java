package dev.orrery.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatusLineTest {
    @Test
    void aLineReadsBackAsPrinted() {
        StatusLine line = StatusLine.of("stats", "open", 12, "stored", 3L);
        assertEquals("@stats open=12 stored=3", line.format());
        StatusLine back = StatusLine.parse(line.format()).orElseThrow();
        assertEquals("stats", back.event());
        assertEquals(12, back.get("open"));
        assertEquals(0, back.get("absent"));
    }

    @Test
    void logLinesAreNoStatus() {
        assertTrue(StatusLine.parse("[main] INFO something=else").isEmpty());
        assertTrue(StatusLine.parse("@stats open=twelve").isEmpty());
        assertTrue(StatusLine.parse("@").isEmpty());
        assertTrue(StatusLine.parse(null).isEmpty());
        assertEquals("ready", StatusLine.parse("@ready").orElseThrow().event());
    }
}
