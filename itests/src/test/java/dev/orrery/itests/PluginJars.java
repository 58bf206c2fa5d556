package dev.orrery.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds marketplace script plugin bundles in memory, as a developer's build would. */
final class PluginJars {
    private PluginJars() {
    }

    /**
     * @param name the plugin name
     * @param version its bundle version
     * @param script the entry script ({@code plugin/run.sh})
     * @param importPackage an {@code Import-Package} header, {@code null} for none (a package nobody
     *     exports makes a bundle that uploads fine but cannot resolve on the agent)
     * @return the jar
     */
    static byte[] script(String name, String version, String script, String importPackage) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "it.plugin." + name);
        a.putValue("Bundle-Version", version);
        a.putValue("Bundle-Name", "IT plugin " + name);
        a.putValue("Orrery-Plugin-Name", name);
        a.putValue("Orrery-Plugin-Kind", "script");
        a.putValue("Orrery-Plugin-Description", "Says hello with its version and arguments (integration test)");
        a.putValue("Orrery-Plugin-Entry", "plugin/run.sh");
        if (importPackage != null) {
            a.putValue("Import-Package", importPackage);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, mf)) {
            jar.putNextEntry(new JarEntry("plugin/"));
            jar.closeEntry();
            jar.putNextEntry(new JarEntry("plugin/run.sh"));
            jar.write(script.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }
}
