package dev.orrery.center.market.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.store.PluginRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds plugin jars in memory for the tests. */
final class TestJars {
    static final String SCRIPT = "#!/bin/sh\ndf -h\n";
    static final long MAX = 4 * 1024 * 1024;

    private TestJars() {
    }

    /** @return the headers of a valid script plugin (entry {@code bin/disk-usage.sh}) */
    static Map<String, String> scriptHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Bundle-ManifestVersion", "2");
        h.put("Bundle-SymbolicName", "dev.example.disk;singleton:=true");
        h.put("Bundle-Version", "1.2");
        h.put("Orrery-Plugin-Name", "disk-usage");
        h.put("Orrery-Plugin-Kind", "script");
        h.put("Orrery-Plugin-Description", "Disk usage of every mounted file system");
        h.put("Orrery-Plugin-Entry", "bin/disk-usage.sh");
        return h;
    }

    /** @return the headers of a valid java plugin (DS, no activator) */
    static Map<String, String> javaHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Bundle-ManifestVersion", "2");
        h.put("Bundle-SymbolicName", "dev.example.top");
        h.put("Bundle-Version", "2.0.0.RC1");
        h.put("Orrery-Plugin-Name", "top-processes");
        h.put("Orrery-Plugin-Kind", "java");
        h.put("Orrery-Plugin-Description", "The busiest processes");
        h.put("Import-Package", "dev.orrery.agent.api;version=\"[0.3,1)\"");
        return h;
    }

    /** @return a jar with a manifest of {@code headers} (none when {@code null}) and the script entry */
    static byte[] jar(Map<String, String> headers) {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
        entries.add(Map.entry("bin/", new byte[0]));
        entries.add(Map.entry("bin/disk-usage.sh", SCRIPT.getBytes(StandardCharsets.UTF_8)));
        return jar(headers, entries);
    }

    /** @return a jar with a manifest of {@code headers} (none when {@code null}) then {@code entries} */
    static byte[] jar(Map<String, String> headers, List<Map.Entry<String, byte[]>> entries) {
        List<Map.Entry<String, byte[]>> all = new ArrayList<>();
        if (headers != null) {
            all.add(Map.entry("META-INF/MANIFEST.MF", manifest(headers)));
        }
        all.addAll(entries);
        return zip(all);
    }

    static byte[] manifest(Map<String, String> headers) {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            mf.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @return a zip of the entries, in order (names are not checked) */
    static byte[] zip(List<Map.Entry<String, byte[]>> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @return {@code bytes} with every occurrence of {@code from} replaced by {@code to} (same length) */
    static byte[] patch(byte[] bytes, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.UTF_8);
        byte[] t = to.getBytes(StandardCharsets.UTF_8);
        byte[] out = bytes.clone();
        for (int i = 0; i + f.length <= out.length; i++) {
            if (Arrays.equals(out, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, out, i, t.length);
            }
        }
        return out;
    }

    /** @return {@code bytes} with only the last occurrence of {@code from} (the central directory's copy of a name) replaced */
    static byte[] patchLast(byte[] bytes, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.UTF_8);
        byte[] out = bytes.clone();
        for (int i = out.length - f.length; i >= 0; i--) {
            if (Arrays.equals(out, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(to.getBytes(StandardCharsets.UTF_8), 0, out, i, f.length);
                return out;
            }
        }
        throw new IllegalArgumentException(from + " not found");
    }

    static PluginRecord inspect(byte[] jar) {
        return PluginInspector.inspect(jar, MAX, "alice", 1234);
    }

    /** Asserts PLUGIN_INVALID with a message containing {@code reason}. */
    static void refused(byte[] jar, String reason) {
        OrreryException e = assertThrows(OrreryException.class, () -> inspect(jar));
        assertEquals(ErrorCode.PLUGIN_INVALID, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), () -> "'" + e.getMessage() + "' should contain '" + reason + "'");
    }

    static List<Map.Entry<String, byte[]>> withScript(String... names) {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
        entries.add(Map.entry("bin/disk-usage.sh", TestJars.SCRIPT.getBytes(StandardCharsets.UTF_8)));
        for (String n : names) {
            entries.add(Map.entry(n, new byte[] {1}));
        }
        return entries;
    }
}
