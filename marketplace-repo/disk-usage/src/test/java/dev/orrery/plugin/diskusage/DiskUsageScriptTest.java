package dev.orrery.plugin.diskusage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.plugin.testing.ScriptRun;
import dev.orrery.plugin.testing.ScriptRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskUsageScriptTest {
    private static final Pattern PATH_ROW = Pattern.compile("^\\s*(\\d+)\\s+(.+)$");

    @TempDir
    Path dir;
    private ScriptRun script;

    @BeforeEach
    void setUp() {
        script = ScriptRun.of("disk-usage", dir);
    }

    @Test
    void scriptIsWellFormed() throws IOException {
        ScriptRun.assertWellFormed("disk-usage");
    }

    @Test
    void withoutPathsListsTheFilesystemsAndASummary() throws Exception {
        Result r = script.run();
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("== Filesystems (df -P, fullest first) =="), r.out());
        assertTrue(r.out().contains("USE%"), r.out());
        assertTrue(r.out().matches("(?s).*\nsummary: [1-9]\\d* filesystems, fullest .+ at \\d+%, \\d+ at or above 90%\n"), r.out());
        assertTrue(!r.out().contains("== Paths"), r.out());
    }

    @Test
    void pathsAreMeasuredAndSortedLargestFirst() throws Exception {
        Path big = Files.createDirectory(dir.resolve("big"));
        Files.write(big.resolve("data"), new byte[2 * 1024 * 1024]);
        Path small = Files.createDirectory(dir.resolve("small"));
        Files.write(small.resolve("data"), new byte[8 * 1024]);

        Result r = script.run("small", "big");
        assertEquals(0, r.exit(), r.err());
        List<String[]> rows = pathRows(r.out());
        assertEquals(2, rows.size(), r.out());
        assertEquals("big", rows.get(0)[1]);
        assertTrue(Long.parseLong(rows.get(0)[0]) >= 2048, r.out());
        assertEquals("small", rows.get(1)[1]);
    }

    @Test
    void symbolicLinksAreNotFollowed() throws Exception {
        Path big = Files.createDirectory(dir.resolve("big"));
        Files.write(big.resolve("data"), new byte[2 * 1024 * 1024]);
        Files.createSymbolicLink(dir.resolve("link"), big);

        Result r = script.run("link");
        assertEquals(0, r.exit(), r.err());
        List<String[]> rows = pathRows(r.out());
        assertEquals("link", rows.get(0)[1]);
        assertTrue(Long.parseLong(rows.get(0)[0]) < 1024, r.out());
    }

    @Test
    void aMissingPathIsReportedAndTheOthersStillMeasured() throws Exception {
        Files.createDirectory(dir.resolve("here"));
        Result r = script.run("missing", "here");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("missing: no such file or directory"), r.err());
        assertEquals("here", pathRows(r.out()).get(0)[1]);
        assertTrue(r.out().contains("summary: "), r.out());
    }

    @Test
    void atMostSixteenPaths() throws Exception {
        String[] paths = new String[17];
        java.util.Arrays.fill(paths, ".");
        Result r = script.run(paths);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("too many paths: 17"), r.err());
        assertEquals("", r.out());
        assertEquals(0, script.run(java.util.Arrays.copyOf(paths, 16)).exit());
    }

    @Test
    void optionsEmptyPathsAndControlCharactersAreRefused() throws Exception {
        for (String bad : new String[] {"-x", "--apparent-size", "", "a\nb", "a\tb"}) {
            Result r = script.run(bad);
            assertEquals(2, r.exit(), bad);
            assertTrue(r.err().contains("usage: disk-usage"), r.err());
            assertEquals("", r.out(), bad);
        }
    }

    private static List<String[]> pathRows(String out) {
        List<String[]> rows = new ArrayList<>();
        boolean inPaths = false;
        for (String line : out.lines().toList()) {
            if (line.startsWith("== Paths")) {
                inPaths = true;
            } else if (inPaths && line.isBlank()) {
                break;
            } else if (inPaths) {
                Matcher m = PATH_ROW.matcher(line);
                if (m.matches()) {
                    rows.add(new String[] {m.group(1), m.group(2)});
                }
            }
        }
        return rows;
    }
}
