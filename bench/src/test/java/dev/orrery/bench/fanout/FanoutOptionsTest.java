package dev.orrery.bench.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FanoutOptionsTest {
    @TempDir
    Path root;

    private void distributions() throws IOException {
        for (String kind : List.of("center", "channel")) {
            Path dir = Files.createDirectories(root.resolve("distribution").resolve(kind).resolve("target"));
            Files.createFile(dir.resolve("orrery-" + kind + "-0.1.0-SNAPSHOT.tar.gz"));
        }
    }

    @Test
    void defaultsFindTheDistributionsOfTheCheckoutAndChooseFreePorts() throws IOException {
        distributions();
        FanoutOptions o = FanoutOptions.parse(List.of("--root", root.toString()));
        assertEquals(10_000, o.agents());
        assertEquals(6, o.channels());
        assertEquals(0, o.restPort());
        assertEquals(root.resolve(".orrery/bench/fanout"), o.work());
        assertTrue(o.centerTgz().getFileName().toString().startsWith("orrery-center-"));
        assertTrue(o.heap() && o.baseline());
    }

    @Test
    void optionsOverrideTheDefaults() throws IOException {
        distributions();
        FanoutOptions o = FanoutOptions.parse(List.of("--root", root.toString(), "--agents", "200", "--channels", "2",
                "--rest-port", "18181", "--no-heap", "--no-baseline"));
        assertEquals(200, o.agents());
        assertEquals(18181, o.restPort());
        assertFalse(o.heap() || o.baseline());
    }

    @Test
    void aMissingDistributionIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FanoutOptions.parse(List.of("--root", root.toString())));
        assertTrue(e.getMessage().contains("distribution"), e.getMessage());
    }
}
