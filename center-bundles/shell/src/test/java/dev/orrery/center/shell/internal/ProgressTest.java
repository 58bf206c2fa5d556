package dev.orrery.center.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.HostTaskState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {

    static Map<HostTaskState, Integer> counts(Object... stateAndCount) {
        Map<HostTaskState, Integer> m = new EnumMap<>(HostTaskState.class);
        for (HostTaskState s : HostTaskState.values()) {
            m.put(s, 0);
        }
        for (int i = 0; i < stateAndCount.length; i += 2) {
            m.put((HostTaskState) stateAndCount[i], (Integer) stateAndCount[i + 1]);
        }
        return m;
    }

    @Test
    void summarisesCounts() {
        Progress p = Progress.of(counts(HostTaskState.SUCCEEDED, 2, HostTaskState.FAILED, 1, HostTaskState.RUNNING, 2,
                HostTaskState.PENDING, 4, HostTaskState.DISPATCHED, 1));
        assertEquals(new Progress(10, 3, 2, 5, 1), p);
        assertEquals("  3/10 done, 2 running, 5 waiting, 1 failed", p.line());
        assertFalse(p.finished());
        Progress done = Progress.of(counts(HostTaskState.SUCCEEDED, 3));
        assertEquals("  3/3 done, 0 running", done.line());
        assertTrue(done.finished());
        assertFalse(Progress.of(counts()).finished());
    }

    @Test
    void countsLineNamesNonZeroStates() {
        assertEquals("3 hosts: 2 succeeded, 1 timed_out", Counts.line(counts(HostTaskState.SUCCEEDED, 2, HostTaskState.TIMED_OUT, 1)));
        assertEquals("1 host: 1 pending", Counts.line(counts(HostTaskState.PENDING, 1)));
    }

    @Test
    void printerRewritesOneLineOnlyWhenItChanges() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Progress running = Progress.of(counts(HostTaskState.RUNNING, 10, HostTaskState.PENDING, 2));
        printer.accept(running);
        printer.accept(running);
        printer.accept(Progress.of(counts(HostTaskState.SUCCEEDED, 12)));
        printer.end();
        String out = bytes.toString(StandardCharsets.UTF_8);
        String first = "  0/12 done, 10 running, 2 waiting";
        String second = "  12/12 done, 0 running";
        assertEquals("\r" + first + "\r" + second + " ".repeat(first.length() - second.length()) + "\n", out);
    }
}
