package dev.orrery.center.market.internal.catalog;

import static dev.orrery.center.market.internal.catalog.TestJars.inspect;
import static dev.orrery.center.market.internal.catalog.TestJars.jar;
import static dev.orrery.center.market.internal.catalog.TestJars.refused;
import static dev.orrery.center.market.internal.catalog.TestJars.scriptHeaders;
import static dev.orrery.center.market.internal.catalog.TestJars.withScript;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules on the archive itself: a real zip, safe entry names (zip slip), no duplicates, bounded entries and size (zip bomb). */
class JarSafetyTest {
    @Test
    void notAZip() {
        refused("#!/bin/sh\necho not a jar\n".getBytes(StandardCharsets.UTF_8), "not a zip/jar");
        refused(new byte[0], "empty upload");
    }

    @Test
    void jarEntryWithDotDotSegmentIsZipSlip() {
        refused(jar(scriptHeaders(), withScript("lib/../../etc/cron.d/evil")), "unsafe entry name");
        refused(jar(scriptHeaders(), withScript("..\\evil.sh")), "'..' segment");
    }

    @Test
    void jarEntryAbsoluteIsZipSlip() {
        refused(jar(scriptHeaders(), withScript("/etc/passwd")), "absolute");
        refused(jar(scriptHeaders(), withScript("c:/windows/evil.dll")), "absolute (drive letter)");
    }

    @Test
    void entryHiddenFromTheStreamingViewIsZipSlip() {
        byte[] jar = jar(scriptHeaders(), withScript("safe.txt"));
        refused(TestJars.patchLast(jar, "safe.txt", "../e.txt"), "central directory and its entries disagree");
    }

    @Test
    void truncatedZip() {
        byte[] jar = jar(scriptHeaders());
        refused(java.util.Arrays.copyOf(jar, jar.length - 10), "no central directory");
    }

    @Test
    void duplicateEntries() {
        byte[] twoNames = jar(scriptHeaders(), withScript("dup1.txt", "dup2.txt"));
        refused(TestJars.patch(twoNames, "dup2.txt", "dup1.txt"), "duplicate entry 'dup1.txt'");
    }

    @Test
    void moreThanTenThousandEntries() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < JarScan.MAX_ENTRIES - 2; i++) {
            names.add("d/" + i);
        }
        // manifest + script + 9,998 = 10,000 entries: accepted; one more: refused
        assertEquals("disk-usage", inspect(jar(scriptHeaders(), withScript(names.toArray(String[]::new)))).name());
        names.add("one-too-many");
        refused(jar(scriptHeaders(), withScript(names.toArray(String[]::new))), "more than 10000 entries");
    }

    @Test
    void zipBomb() {
        byte[] zeros = new byte[8 * 1000 + 1];
        byte[] bomb = jar(scriptHeaders(), List.of(Map.entry("bin/disk-usage.sh", new byte[] {1}), Map.entry("zeros", zeros)));
        assertTrue(bomb.length < 1000, "compressed " + bomb.length);
        OrreryException e = assertThrows(OrreryException.class, () -> PluginInspector.inspect(bomb, 1000, "a", 1));
        assertEquals(ErrorCode.PLUGIN_INVALID, e.code());
        assertTrue(e.getMessage().contains("uncompressed content over 8000 bytes"), e.getMessage());
    }
}
