package dev.orrery.agent.plugin.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Plugin jars built in memory, as a developer's build would make them. */
final class Jars {
    private Jars() {
    }

    static byte[] java(String name, String version) {
        return jar(headers(name, version, "java"), Map.of("x/Impl.class", new byte[] {1, 2}));
    }

    static byte[] script(String name, String version, String script) {
        Map<String, String> h = headers(name, version, "script");
        h.put("Orrery-Plugin-Entry", "plugin/run.sh");
        return jar(h, Map.of("plugin/run.sh", script.getBytes(StandardCharsets.UTF_8)));
    }

    static Map<String, String> headers(String name, String version, String kind) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Bundle-ManifestVersion", "2");
        h.put("Bundle-SymbolicName", "test.plugin." + name);
        h.put("Bundle-Version", version);
        h.put("Orrery-Plugin-Name", name);
        h.put("Orrery-Plugin-Kind", kind);
        h.put("Orrery-Plugin-Description", "a test plugin");
        return h;
    }

    static byte[] jar(Map<String, String> headers, Map<String, byte[]> entries) {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach(a::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, mf)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
