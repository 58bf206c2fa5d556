package dev.orrery.plugin.topprocesses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.plugin.testing.ScriptRun;
import dev.orrery.plugin.testing.ScriptRun.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopProcessesScriptTest {
    @TempDir
    Path dir;
    private ScriptRun script;

    @BeforeEach
    void setUp() {
        script = ScriptRun.of("top-processes", dir);
    }

    @Test
    void scriptIsWellFormed() throws IOException {
        ScriptRun.assertWellFormed("top-processes");
    }

    @Test
    void defaultsToTenByCpu() throws Exception {
        Result r = script.run();
        assertEquals(0, r.exit(), r.err());
        List<String> rows = rows(r);
        assertTrue(rows.size() >= 1 && rows.size() <= 10, r.out());
        assertTrue(r.out().startsWith("    PID USER           %CPU   %MEM     RSS_KB      ELAPSED  COMMAND\n"), r.out());
        assertTrue(r.out().matches("(?s).*\nsummary: top 10 of \\d+ processes by cpu\n"), r.out());
        assertNonIncreasing(rows, 2);
    }

    @Test
    void countAndKeyInEitherOrder() throws Exception {
        for (String[] args : new String[][] {{"3", "mem"}, {"mem", "3"}}) {
            Result r = script.run(args);
            assertEquals(0, r.exit(), r.err());
            List<String> rows = rows(r);
            assertEquals(3, rows.size(), r.out());
            assertNonIncreasing(rows, 3);
            assertTrue(r.out().contains("summary: top 3 of "), r.out());
        }
        Result r = script.run("cpu");
        assertTrue(r.out().contains("summary: top 10 of ") && r.out().contains("by cpu"), r.out());
    }

    @Test
    void leadingZerosAreDecimal() throws Exception {
        Result r = script.run("010");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("summary: top 10 of "), r.out());
    }

    @Test
    void argumentsAreValidatedStrictly() throws Exception {
        String[][] bad = {{"0"}, {"101"}, {"abc"}, {"-5"}, {""}, {"1 2"}, {"5x"}, {"99999999999999999999"},
            {"cpu", "cpu"}, {"5", "6"}, {"1", "cpu", "x"}, {"CPU"}, {"--sort=pid"}};
        for (String[] args : bad) {
            Result r = script.run(args);
            assertEquals(2, r.exit(), String.join(" ", args));
            assertEquals("", r.out(), String.join(" ", args));
            assertTrue(r.err().contains("usage: top-processes [N] [cpu|mem]"), r.err());
        }
        assertEquals(0, script.run("100", "mem").exit());
        assertEquals(0, script.run("1").exit());
    }

    /** The data rows: between the header and the blank line before the summary. */
    private static List<String> rows(Result r) {
        List<String> lines = r.lines();
        return lines.subList(1, lines.size() - 2);
    }

    private static void assertNonIncreasing(List<String> rows, int column) {
        double previous = Double.MAX_VALUE;
        for (String row : rows) {
            double value = Double.parseDouble(row.trim().split("\\s+")[column]);
            assertTrue(value <= previous, () -> "not sorted on column " + column + ": " + rows);
            previous = value;
        }
    }
}
