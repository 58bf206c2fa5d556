package dev.orrery.plugin.logtail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.plugin.testing.ScriptRun;
import dev.orrery.plugin.testing.ScriptRun.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailScriptTest {
    @TempDir
    Path dir;
    private ScriptRun script;

    @BeforeEach
    void setUp() throws IOException {
        script = ScriptRun.of("log-tail", dir);
        String text = IntStream.rangeClosed(1, 10_000).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
        Files.writeString(dir.resolve("app.log"), text, StandardCharsets.UTF_8);
    }

    @Test
    void scriptIsWellFormed() throws IOException {
        ScriptRun.assertWellFormed("log-tail");
    }

    @Test
    void lastHundredLinesByDefault() throws Exception {
        Result r = script.run("app.log");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.lines();
        assertEquals(100, lines.size());
        assertEquals("line 9901", lines.get(0));
        assertEquals("line 10000", lines.get(99));
    }

    @Test
    void linesUpToTheCap() throws Exception {
        assertEquals(List.of("line 9998", "line 9999", "line 10000"), script.run("app.log", "3").lines());
        Result max = script.run("app.log", "5000");
        assertEquals(5000, max.lines().size());
        assertEquals("line 5001", max.lines().get(0));
        for (String bad : new String[] {"5001", "0", "00000", "99999999999999999999", "-1", "ten", "", "1e3"}) {
            Result r = script.run("app.log", bad);
            assertEquals(2, r.exit(), bad);
            assertEquals("", r.out(), bad);
            assertTrue(r.err().contains("usage: log-tail FILE [LINES] [PATTERN]"), r.err());
        }
    }

    @Test
    void patternIsAFixedStringAndTheLinesCountMatches() throws Exception {
        assertEquals(List.of("line 9996", "line 9997", "line 9998", "line 9999"),
                script.run("app.log", "4", "line 99").lines());
        // Fixed string: "." is not a wildcard, "-e" is not an option.
        assertEquals(List.of(), script.run("app.log", "10", "l.ne").lines());
        assertEquals(0, script.run("app.log", "10", "-e").exit());
        Result none = script.run("app.log", "10", "no such text");
        assertEquals(0, none.exit());
        assertEquals("", none.out());
    }

    @Test
    void patternIsBounded() throws Exception {
        assertEquals(0, script.run("app.log", "5", "x".repeat(256)).exit());
        for (String bad : new String[] {"x".repeat(257), "", "line\n1"}) {
            Result r = script.run("app.log", "5", bad);
            assertEquals(2, r.exit(), bad);
            assertEquals("", r.out());
        }
        assertEquals(2, script.run("app.log", "5", "x", "extra").exit());
        assertEquals(2, script.run().exit());
    }

    @Test
    void longLinesAreCut() throws Exception {
        Files.writeString(dir.resolve("wide.log"), "a".repeat(10_000) + "\nshort\n");
        List<String> lines = script.run("wide.log").lines();
        assertEquals(4096, lines.get(0).length());
        assertEquals("short", lines.get(1));
    }

    @Test
    void fileNamesStartingWithADashAreFiles() throws Exception {
        Files.writeString(dir.resolve("-n.log"), "one\ntwo\n");
        assertEquals(List.of("one", "two"), script.run("-n.log").lines());
    }

    @Test
    void refusesWhatIsNotARegularReadableFile() throws Exception {
        Files.createDirectory(dir.resolve("folder"));
        Files.createSymbolicLink(dir.resolve("zero"), Path.of("/dev/zero"));
        Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("gone"));
        assertRefused("folder", "is a directory");
        assertRefused("/dev/zero", "a device file");
        assertRefused("zero", "a device file");
        assertRefused("missing.log", "no such file");
        assertRefused("dangling", "dangling symbolic link");
        assertRefused("/proc/self/status", "under /proc, /sys or /dev");
        assertRefused("", "empty file name");
    }

    @Test
    void refusesAPipeWithoutBlocking() throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("pipe").toString()).start();
        try {
            assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS));
            assertEquals(0, mkfifo.exitValue());
        } finally {
            mkfifo.destroyForcibly();
        }
        assertRefused("pipe", "a pipe or socket");
    }

    private void assertRefused(String file, String why) throws Exception {
        Result r = script.run(file);
        assertEquals(2, r.exit(), file);
        assertEquals("", r.out(), file);
        assertTrue(r.err().contains(why), () -> file + ": " + r.err());
    }
}
