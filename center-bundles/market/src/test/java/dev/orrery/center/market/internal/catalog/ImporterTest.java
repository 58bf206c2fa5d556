package dev.orrery.center.market.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.store.PluginRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {
    @TempDir
    Path tmp;

    /** An upload like MarketService's: validates, refuses a name+version twice with CONFLICT, records the calls. */
    private final List<String> calls = new ArrayList<>();
    private final Set<String> stored = new HashSet<>();
    private final Function<byte[], PluginRecord> upload = jar -> {
        PluginRecord p = PluginInspector.inspect(jar, 1 << 20, "orrery-import", 1);
        calls.add(p.name() + " " + p.version());
        if (!stored.add(p.name() + " " + p.version())) {
            throw new OrreryException(ErrorCode.CONFLICT, p.name() + " " + p.version() + " exists");
        }
        return p;
    };

    private static byte[] plugin(String name, String version) {
        Map<String, String> h = TestJars.scriptHeaders();
        h.put("Orrery-Plugin-Name", name);
        h.put("Bundle-Version", version);
        return TestJars.jar(h);
    }

    @Test
    void importsEveryJarInNameOrderSkippingRefusedAndDuplicatesThenWritesTheMarker() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("market"));
        Files.write(dir.resolve("c-port-check.jar"), plugin("port-check", "1.0.0"));
        Files.write(dir.resolve("a-disk-usage.jar"), plugin("disk-usage", "1.0.0"));
        Files.write(dir.resolve("b-broken.jar"), "not a jar".getBytes());
        Files.write(dir.resolve("b-disk-usage-again.jar"), plugin("disk-usage", "1.0.0"));
        Files.write(dir.resolve("d-log-tail.JAR"), plugin("log-tail", "2.1"));
        Files.write(dir.resolve("README.txt"), plugin("ignored", "1.0.0"));
        Files.createDirectories(dir.resolve("e-folder.jar"));
        Path marker = tmp.resolve("data/orrery/market-imported");

        List<String> imported = Importer.importAll(dir, marker, upload);

        assertEquals(List.of("disk-usage 1.0.0", "port-check 1.0.0", "log-tail 2.1.0"), imported);
        assertEquals(List.of("disk-usage 1.0.0", "disk-usage 1.0.0", "port-check 1.0.0", "log-tail 2.1.0"), calls);
        assertTrue(Files.isRegularFile(marker));
        assertTrue(Files.readString(marker).contains("port-check 1.0.0"));
    }

    @Test
    void doesNothingOnceTheMarkerExists() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("market"));
        Files.write(dir.resolve("a.jar"), plugin("disk-usage", "1.0.0"));
        Path marker = tmp.resolve("market-imported");
        Files.writeString(marker, "done\n");

        assertEquals(List.of(), Importer.importAll(dir, marker, upload));
        assertEquals(List.of(), calls);
        assertEquals("done\n", Files.readString(marker));
    }

    @Test
    void runsOnlyOnce() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("market"));
        Files.write(dir.resolve("a.jar"), plugin("disk-usage", "1.0.0"));
        Path marker = tmp.resolve("market-imported");
        assertEquals(List.of("disk-usage 1.0.0"), Importer.importAll(dir, marker, upload));
        Files.write(dir.resolve("b.jar"), plugin("port-check", "1.0.0"));
        assertEquals(List.of(), Importer.importAll(dir, marker, upload));
        assertEquals(List.of("disk-usage 1.0.0"), calls);
    }

    @Test
    void missingFolderDoesNothingAndWritesNoMarker() {
        Path marker = tmp.resolve("market-imported");
        assertEquals(List.of(), Importer.importAll(tmp.resolve("no-such-folder"), marker, upload));
        assertFalse(Files.exists(marker));
        assertEquals(List.of(), calls);
    }

    @Test
    void anEmptyFolderStillCompletesTheImport() throws Exception {
        Path marker = tmp.resolve("market-imported");
        assertEquals(List.of(), Importer.importAll(Files.createDirectories(tmp.resolve("market")), marker, upload));
        assertTrue(Files.exists(marker));
    }
}
