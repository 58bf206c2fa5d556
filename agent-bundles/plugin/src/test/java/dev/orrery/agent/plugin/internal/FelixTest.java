package dev.orrery.agent.plugin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.agent.api.CancellableContext;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

/** The installer, the extender and FrameworkBundles on a real (embedded, plain) Felix framework. */
class FelixTest {
    @TempDir
    Path storage;
    @TempDir
    Path root;

    Framework framework;
    FrameworkBundles bundles;
    ScriptExtender extender;
    Registry registry;
    Installer installer;

    @BeforeEach
    void start() throws Exception {
        framework = new FrameworkFactory().newFramework(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "dev.orrery.agent.api;version=\"0.3.0\""));
        framework.start();
        bundles = new FrameworkBundles(framework.getBundleContext(), Duration.ofSeconds(5));
        extender = new ScriptExtender(new ScriptStore(root));
        extender.open(framework.getBundleContext());
        registry = new Registry(root);
        new PluginStatus(bundles, registry, new PluginFiles(root)).reconcile();
        installer = new Installer(bundles, registry, new PluginFiles(root), extender, Duration.ofSeconds(1));
    }

    @AfterEach
    void stop() throws Exception {
        extender.close();
        bundles.close();
        framework.stop();
        framework.waitForStop(10_000);
    }

    TaskOutcome install(String version, String importPackage) throws Exception {
        Map<String, String> h = new java.util.HashMap<>(Jars.headers("s", version, "script"));
        h.put("Orrery-Plugin-Entry", "plugin/run.sh");
        if (importPackage != null) {
            h.put("Import-Package", importPackage);
        }
        byte[] jar = Jars.jar(h, Map.of("plugin/run.sh", ("#!/bin/sh\necho " + version + "\n").getBytes()));
        return installer.install(PluginJar.read(jar), jar);
    }

    @Test
    void aScriptPluginIsInstalledUpdatedRolledBackAndUninstalled() throws Exception {
        assertEquals(HostTaskState.SUCCEEDED, install("1.0.0", null).state());
        assertEquals(new Bundles.Found("s", "1.0.0", "script", "ACTIVE"), bundles.find("s").orElseThrow());
        assertEquals("#!/bin/sh\necho 1.0.0\n", Files.readString(root.resolve("s/1.0.0/run.sh")));

        assertEquals(HostTaskState.SUCCEEDED, install("2.0.0", null).state());
        assertEquals("2.0.0", bundles.find("s").orElseThrow().version());
        assertFalse(Files.exists(root.resolve("s/1.0.0")));
        assertTrue(Files.exists(root.resolve("s/2.0.0/run.sh")));

        TaskOutcome broken = install("3.0.0", "dev.orrery.nowhere;version=\"[1,2)\"");
        assertEquals(ErrorCode.PLUGIN_FAILED, broken.error());
        assertTrue(broken.errorMessage().startsWith("s 3.0.0 failed to start: ") && broken.errorMessage().contains("dev.orrery.nowhere")
                && broken.errorMessage().endsWith("; rolled back to 2.0.0"), broken.errorMessage());
        assertEquals(new Bundles.Found("s", "2.0.0", "script", "ACTIVE"), bundles.find("s").orElseThrow());
        assertTrue(Files.exists(root.resolve("s/2.0.0/run.sh")));
        assertEquals(1, framework.getBundleContext().getBundles().length - 1, "one plugin bundle, no leftover");

        assertEquals(HostTaskState.SUCCEEDED, installer.uninstall("s").state());
        assertTrue(bundles.find("s").isEmpty());
        assertFalse(Files.exists(root.resolve("s")));
    }

    @Test
    void aJavaPluginThatRegistersNoServiceIsUninstalledAfterTheWait() throws Exception {
        byte[] jar = Jars.java("j", "1.0.0");
        TaskOutcome o = installer.install(PluginJar.read(jar), jar);
        assertEquals("j 1.0.0 failed to start: no Plugin service with orrery.plugin.name=j registered by its bundle within 1 s; "
                + "uninstalled", o.errorMessage());
        assertTrue(bundles.all().isEmpty());
    }

    @Test
    void aJavaPluginIsVerifiedByItsServiceAndRuns() throws Exception {
        byte[] jar = ActivatorJar.build("j", "1.0.0");
        assertEquals(HostTaskState.SUCCEEDED, installer.install(PluginJar.read(jar), jar).state());
        TaskRequest req = new TaskRequest("t1", "h1", "plugin", Map.of("name", "j"), null, 10);
        TaskOutcome o = new JavaRun(bundles, 1024).run(bundles.find("j").orElseThrow(), req, List.of("a"), root, 10, null,
                new CancellableContext());
        assertEquals("hello [a] 1.0.0\n", new String(o.stdout(), StandardCharsets.UTF_8), o.errorMessage());
    }

    @Test
    void theFrameworkRestoresPluginsAfterARestartAndTheRegistryFollows() throws Exception {
        install("1.0.0", null);
        stop();
        Files.delete(root.resolve("registry.json"));
        start();
        assertEquals(new Bundles.Found("s", "1.0.0", "script", "ACTIVE"), bundles.find("s").orElseThrow());
        assertEquals("1.0.0", registry.get("s").orElseThrow().version());
        assertTrue(Files.exists(root.resolve("s/1.0.0/run.sh")), "extracted again");
    }
}
