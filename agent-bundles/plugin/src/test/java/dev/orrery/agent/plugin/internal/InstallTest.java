package dev.orrery.agent.plugin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.agent.api.Plugin;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** op=install and op=uninstall: checks, idempotence, updates, rollback, the registry and the status. */
class InstallTest extends PluginFixture {
    @BeforeEach
    void service() {
        bundles.services.put("x", (Plugin) (args, env, out, ctx) -> 0);
    }

    TaskOutcome installJava(String version) {
        return exec(install(Jars.java("x", version), "x", version, "java"));
    }

    @Test
    void aJavaPluginIsInstalledStartedAndVerified() {
        TaskOutcome o = installJava("1.0.0");
        assertEquals(HostTaskState.SUCCEEDED, o.state(), o.errorMessage());
        assertEquals(List.of("install x", "start x 1.0.0"), bundles.log);
        assertEquals("1.0.0", registry.get("x").orElseThrow().version());
        assertTrue(Files.isRegularFile(files.jar("x", "1.0.0")));
        assertEquals("[{\"name\":\"x\",\"version\":\"1.0.0\",\"kind\":\"java\",\"state\":\"ACTIVE\"}]", status());
        assertEquals(1, changes.get());
    }

    @Test
    void theSameHealthyVersionAgainIsAlreadyInstalled() {
        installJava("1.0.0");
        TaskOutcome again = exec(install(Jars.java("x", "1.0"), "x", "1.0", "java")); // the same version, written otherwise
        assertEquals(HostTaskState.SUCCEEDED, again.state());
        assertEquals("x 1.0.0 already installed\n", out(again));
        assertEquals(List.of("install x", "start x 1.0.0"), bundles.log);
    }

    @Test
    void aWrongDigestIsRefusedBeforeAnythingHappens() {
        byte[] jar = Jars.java("x", "1.0.0");
        TaskOutcome o = exec(task(jar, "op", "install", "name", "x", "version", "1.0.0", "kind", "java",
                "sha256", PluginJar.sha256("other".getBytes())));
        assertEquals(ErrorCode.DIGEST_MISMATCH, o.error());
        assertTrue(bundles.log.isEmpty());
    }

    @Test
    void headersThatDoNotMatchTheTaskAreABadTask() {
        byte[] jar = Jars.java("x", "1.0.0");
        assertEquals(ErrorCode.BAD_TASK, exec(install(jar, "y", "1.0.0", "java")).error());
        assertEquals(ErrorCode.BAD_TASK, exec(install(jar, "x", "2.0.0", "java")).error());
        TaskOutcome kind = exec(install(jar, "x", "1.0.0", "script"));
        assertEquals(ErrorCode.BAD_TASK, kind.error());
        assertEquals("the jar is x 1.0.0 (java), the task says x 1.0.0 (script)", kind.errorMessage());
        assertEquals(ErrorCode.BAD_TASK, exec(install("not a jar".getBytes(), "x", "1.0.0", "java")).error());
        assertEquals(ErrorCode.BAD_TASK, exec(install(jar, "X!", "1.0.0", "java")).error());
        assertEquals(ErrorCode.BAD_TASK, exec(task(jar, "op", "install", "name", "x")).error());
        assertEquals(ErrorCode.BAD_TASK, exec(task(jar, "op", "explode", "name", "x")).error());
        assertTrue(bundles.log.isEmpty());
    }

    @Test
    void anUpdateKeepsThePreviousJarOnly() {
        installJava("1.0.0");
        installJava("2.0.0");
        assertEquals("2.0.0", bundles.find("x").orElseThrow().version());
        assertEquals("1.0.0", registry.get("x").orElseThrow().previous());
        installJava("3.0.0");
        assertFalse(Files.exists(files.jar("x", "1.0.0")));
        assertTrue(Files.exists(files.jar("x", "2.0.0")) && Files.exists(files.jar("x", "3.0.0")));
        assertEquals("2.0.0", registry.get("x").orElseThrow().previous());
    }

    @Test
    void aVersionThatFailsToResolveIsRolledBackAndReported() {
        installJava("2.0.0");
        bundles.unresolvable.add("3.0.0");
        TaskOutcome o = installJava("3.0.0");
        assertEquals(ErrorCode.PLUGIN_FAILED, o.error());
        assertTrue(o.errorMessage().startsWith("x 3.0.0 failed to start: Unable to resolve test.plugin.x [3.0.0]"), o.errorMessage());
        assertTrue(o.errorMessage().endsWith("; rolled back to 2.0.0"), o.errorMessage());
        assertEquals(new Bundles.Found("x", "2.0.0", "java", "ACTIVE"), bundles.find("x").orElseThrow());
        assertFalse(Files.exists(files.jar("x", "3.0.0")));
        assertEquals("[{\"name\":\"x\",\"version\":\"2.0.0\",\"kind\":\"java\",\"state\":\"ACTIVE\",\"failedVersion\":\"3.0.0\","
                + "\"error\":\"PLUGIN_FAILED: " + o.errorMessage() + "\"}]", status());
        bundles.unresolvable.clear();
        assertEquals(HostTaskState.SUCCEEDED, installJava("3.0.0").state());
        assertEquals("[{\"name\":\"x\",\"version\":\"3.0.0\",\"kind\":\"java\",\"state\":\"ACTIVE\"}]", status());
    }

    @Test
    void aPluginWithoutItsServiceIsRolledBack() {
        installJava("1.0.0");
        bundles.silent.add("2.0.0");
        TaskOutcome o = installJava("2.0.0");
        assertEquals("x 2.0.0 failed to start: no Plugin service with orrery.plugin.name=x registered by its bundle within 1 s; "
                + "rolled back to 1.0.0", o.errorMessage());
        assertEquals("1.0.0", bundles.find("x").orElseThrow().version());
    }

    @Test
    void aFirstVersionThatFailsIsUninstalledAndItsFailureKept() {
        bundles.unresolvable.add("1.0.0");
        TaskOutcome o = installJava("1.0.0");
        assertTrue(o.errorMessage().endsWith("; uninstalled"), o.errorMessage());
        assertTrue(bundles.find("x").isEmpty());
        assertTrue(status().startsWith("[{\"name\":\"x\",\"kind\":\"java\",\"state\":\"UNINSTALLED\",\"failedVersion\":\"1.0.0\""),
                status());
        TaskOutcome un = exec(task(null, "op", "uninstall", "name", "x"));
        assertEquals("x not installed\n", out(un));
        assertEquals("[]", status());
    }

    @Test
    void anUninstallRemovesTheBundleAndItsFilesAndIsIdempotent() {
        installJava("1.0.0");
        TaskOutcome o = exec(task(null, "op", "uninstall", "name", "x"));
        assertEquals("x 1.0.0 uninstalled\n", out(o));
        assertTrue(bundles.find("x").isEmpty());
        assertFalse(Files.exists(root.resolve("x")));
        assertTrue(registry.get("x").isEmpty());
        assertEquals(HostTaskState.SUCCEEDED, exec(task(null, "op", "uninstall", "name", "x")).state());
        assertEquals(3, changes.get());
    }

    @Test
    void aScriptPluginIsVerifiedByItsExtractedEntry() throws Exception {
        byte[] good = Jars.script("s", "1.0.0", "#!/bin/sh\necho hi\n");
        TaskOutcome first = exec(install(good, "s", "1.0.0", "script"));
        assertEquals(HostTaskState.SUCCEEDED, first.state(), first.errorMessage());
        assertTrue(Files.isRegularFile(root.resolve("s/1.0.0/run.sh")));
        byte[] relative = Jars.script("s", "2.0.0", "#!python3\nprint(1)\n");
        TaskOutcome o = exec(install(relative, "s", "2.0.0", "script"));
        assertEquals("s 2.0.0 failed to start: the #! line's interpreter 'python3' must be an absolute path; rolled back to 1.0.0",
                o.errorMessage());
        assertTrue(Files.isRegularFile(root.resolve("s/1.0.0/run.sh")));
        assertFalse(Files.exists(root.resolve("s/2.0.0")));
        byte[] noEntry = Jars.jar(Map.of("Bundle-SymbolicName", "a", "Bundle-Version", "1", "Orrery-Plugin-Name", "s",
                "Orrery-Plugin-Kind", "script", "Orrery-Plugin-Entry", "../run.sh"), Map.of("run.sh", new byte[1]));
        assertEquals(ErrorCode.BAD_TASK, exec(install(noEntry, "s", "1.0.0", "script")).error());
    }

    @Test
    void aRestartReconcilesTheRegistryWithTheRestoredBundles() {
        installJava("1.0.0");
        installJava("2.0.0");
        bundles.installed.put("y", new Bundles.Found("y", "0.1.0", "script", "RESOLVED")); // installed while the registry was lost
        bundles.installed.remove("x"); // uninstalled by hand
        open();
        assertNull(registry.get("x").orElse(null));
        assertFalse(Files.exists(root.resolve("x")));
        assertEquals("0.1.0", registry.get("y").orElseThrow().version());
        assertEquals("[{\"name\":\"y\",\"version\":\"0.1.0\",\"kind\":\"script\",\"state\":\"RESOLVED\"}]", status());
    }
}
