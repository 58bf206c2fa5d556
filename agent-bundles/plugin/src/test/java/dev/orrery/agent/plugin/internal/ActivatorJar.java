package dev.orrery.agent.plugin.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** A real java plugin bundle: an activator, compiled now, that registers a Plugin service saying hello. */
final class ActivatorJar {
    private static final String SOURCE = """
            package tp;
            public class Act implements org.osgi.framework.BundleActivator {
                public void start(org.osgi.framework.BundleContext c) {
                    java.util.Hashtable<String, Object> p = new java.util.Hashtable<>();
                    p.put("orrery.plugin.name", "%s");
                    c.registerService(dev.orrery.agent.api.Plugin.class, (args, env, out, ctx) -> {
                        out.println("hello " + args + " " + env.get("ORRERY_PLUGIN_VERSION"));
                        return 0;
                    }, p);
                }
                public void stop(org.osgi.framework.BundleContext c) {
                }
            }
            """;

    private ActivatorJar() {
    }

    static byte[] build(String name, String version) throws Exception {
        Path dir = Files.createTempDirectory("orrery-activator");
        try {
            Path src = dir.resolve("tp/Act.java");
            Files.createDirectories(src.getParent());
            Files.writeString(src, SOURCE.formatted(name), StandardCharsets.UTF_8);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            int rc = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d", dir.toString(), src.toString());
            if (rc != 0) {
                throw new IllegalStateException("javac failed: " + rc);
            }
            Map<String, String> h = new java.util.HashMap<>(Jars.headers(name, version, "java"));
            h.put("Bundle-Activator", "tp.Act");
            h.put("Import-Package", "org.osgi.framework,dev.orrery.agent.api");
            return Jars.jar(h, Map.of("tp/Act.class", Files.readAllBytes(dir.resolve("tp/Act.class"))));
        } finally {
            PluginFiles.deleteTree(dir);
        }
    }
}
