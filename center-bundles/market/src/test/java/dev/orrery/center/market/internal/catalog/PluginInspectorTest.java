package dev.orrery.center.market.internal.catalog;

import static dev.orrery.center.market.internal.catalog.TestJars.jar;
import static dev.orrery.center.market.internal.catalog.TestJars.javaHeaders;
import static dev.orrery.center.market.internal.catalog.TestJars.inspect;
import static dev.orrery.center.market.internal.catalog.TestJars.refused;
import static dev.orrery.center.market.internal.catalog.TestJars.scriptHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.store.PluginRecord;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginInspectorTest {
    private static Map<String, String> script(String header, String value) {
        Map<String, String> h = scriptHeaders();
        if (value == null) {
            h.remove(header);
        } else {
            h.put(header, value);
        }
        return h;
    }

    @Test
    void validScriptPlugin() throws Exception {
        byte[] jar = jar(scriptHeaders());
        PluginRecord p = inspect(jar);
        assertEquals("disk-usage", p.name());
        assertEquals("1.2.0", p.version());
        assertEquals("script", p.kind());
        assertEquals("bin/disk-usage.sh", p.entry());
        assertEquals("dev.example.disk", p.symbolicName());
        assertEquals("Disk usage of every mounted file system", p.description());
        assertEquals(jar.length, p.size());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar)), p.sha256());
        assertEquals("alice", p.uploadedBy());
        assertEquals(1234, p.uploadedAt());
        assertEquals("dev.example.disk;singleton:=true", p.manifest().get("Bundle-SymbolicName"));
        assertEquals("1.0", p.manifest().get("Manifest-Version"));
        assertEquals(8, p.manifest().size());
    }

    @Test
    void validJavaPluginWithoutActivatorOrComponents() {
        PluginRecord p = inspect(jar(javaHeaders(), List.of(Map.entry("dev/example/top/Top.class", new byte[] {(byte) 0xCA}))));
        assertEquals("top-processes", p.name());
        assertEquals("2.0.0.RC1", p.version());
        assertEquals("java", p.kind());
        assertNull(p.entry());
        assertEquals("dev.orrery.agent.api;version=\"[0.3,1)\"", p.manifest().get("Import-Package"));
    }

    @Test
    void tooLargeIsContentTooLarge() {
        byte[] jar = jar(scriptHeaders());
        OrreryException e = assertThrows(OrreryException.class, () -> PluginInspector.inspect(jar, jar.length - 1, "a", 1));
        assertEquals(ErrorCode.CONTENT_TOO_LARGE, e.code());
        assertEquals("disk-usage", PluginInspector.inspect(jar, jar.length, "a", 1).name());
    }

    @Test
    void noManifest() {
        refused(jar(null), "no META-INF/MANIFEST.MF");
    }

    @Test
    void manifestVersionMustBeTwo() {
        refused(jar(script("Bundle-ManifestVersion", "1")), "Bundle-ManifestVersion must be 2");
        refused(jar(script("Bundle-ManifestVersion", null)), "Bundle-ManifestVersion must be 2");
    }

    @Test
    void symbolicNameMissing() {
        refused(jar(script("Bundle-SymbolicName", null)), "Bundle-SymbolicName missing");
    }

    @Test
    void symbolicNameInvalid() {
        refused(jar(script("Bundle-SymbolicName", "dev..example")), "is not a valid symbolic name");
        refused(jar(script("Bundle-SymbolicName", "dev example")), "is not a valid symbolic name");
        refused(jar(script("Bundle-SymbolicName", "a,b")), "is not a valid symbolic name");
    }

    @Test
    void versionMissing() {
        refused(jar(script("Bundle-Version", null)), "Bundle-Version missing");
    }

    @Test
    void versionInvalidAndNormalised() {
        refused(jar(script("Bundle-Version", "1.x")), "is not a valid OSGi version");
        refused(jar(script("Bundle-Version", "1.0.0.be ta")), "is not a valid OSGi version");
        refused(jar(script("Bundle-Version", "1.0.0.")), "is not a valid OSGi version");
        assertEquals("3.0.0", inspect(jar(script("Bundle-Version", " 3 "))).version());
        assertEquals("1.2.3.beta_2-x", inspect(jar(script("Bundle-Version", "01.2.3.beta_2-x"))).version());
    }

    @Test
    void pluginNameMissing() {
        refused(jar(script("Orrery-Plugin-Name", null)), "Orrery-Plugin-Name missing");
    }

    @Test
    void pluginNameBadPattern() {
        refused(jar(script("Orrery-Plugin-Name", "Disk-Usage")), "does not match");
        refused(jar(script("Orrery-Plugin-Name", "-disk")), "does not match");
        refused(jar(script("Orrery-Plugin-Name", "a".repeat(65))), "does not match");
        assertEquals("a".repeat(64), inspect(jar(script("Orrery-Plugin-Name", "a".repeat(64)))).name());
    }

    @Test
    void kindMissingOrUnknown() {
        refused(jar(script("Orrery-Plugin-Kind", null)), "Orrery-Plugin-Kind must be java or script");
        refused(jar(script("Orrery-Plugin-Kind", "python")), "Orrery-Plugin-Kind must be java or script");
    }

    @Test
    void descriptionMissingOrBlank() {
        refused(jar(script("Orrery-Plugin-Description", null)), "Orrery-Plugin-Description missing or blank");
        refused(jar(script("Orrery-Plugin-Description", "   ")), "Orrery-Plugin-Description missing or blank");
    }

    @Test
    void descriptionTooLong() {
        refused(jar(script("Orrery-Plugin-Description", "d".repeat(1025))), "longer than 1024");
        assertEquals(1024, inspect(jar(script("Orrery-Plugin-Description", "d".repeat(1024)))).description().length());
    }

    @Test
    void scriptWithoutEntry() {
        refused(jar(script("Orrery-Plugin-Entry", null)), "a script plugin needs Orrery-Plugin-Entry");
    }

    @Test
    void entryWithDotDotSegment() {
        refused(jar(script("Orrery-Plugin-Entry", "bin/../bin/disk-usage.sh")), "'..' segment");
    }

    @Test
    void entryAbsolute() {
        refused(jar(script("Orrery-Plugin-Entry", "/bin/disk-usage.sh")), "absolute");
        refused(jar(script("Orrery-Plugin-Entry", "C:/bin/disk-usage.sh")), "absolute (drive letter)");
    }

    @Test
    void entryWithBackslash() {
        refused(jar(script("Orrery-Plugin-Entry", "bin\\disk-usage.sh")), "contains a backslash");
    }

    @Test
    void entryNotInJar() {
        refused(jar(script("Orrery-Plugin-Entry", "bin/other.sh")), "is not a file in the jar");
        refused(jar(script("Orrery-Plugin-Entry", "bin/")), "is not a file in the jar");
    }

}
