package dev.orrery.agent.plugin.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.agent.api.DataChannel;
import dev.orrery.agent.api.TaskRefused;
import dev.orrery.api.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small parts: jar headers, entry names, #! lines, the registry file, the output cap, extraction. */
class PartsTest {
    @TempDir
    Path root;

    @Test
    void theHeadersOfAPluginJarAreRead() throws Exception {
        assertEquals(new PluginJar("disk-usage", "1.0.0", "script", "plugin/run.sh"), PluginJar.read(Jars.script("disk-usage", "1.0", "x")));
        assertEquals(new PluginJar("j", "2.1.0.rc1", "java", null), PluginJar.read(Jars.java("j", "2.1.0.rc1")));
    }

    @Test
    void everyHeaderRuleIsChecked() throws Exception {
        assertBad(Jars.jar(Map.of("Bundle-SymbolicName", "a"), Map.of()), "Orrery-Plugin-Name '' is not a valid plugin name");
        assertBad(withHeader("Orrery-Plugin-Name", "Disk Usage"), "Orrery-Plugin-Name 'Disk Usage' is not a valid plugin name");
        assertBad(withHeader("Orrery-Plugin-Name", "x".repeat(65)), null);
        assertBad(withHeader("Orrery-Plugin-Kind", "python"), "Orrery-Plugin-Kind must be java or script, not 'python'");
        assertBad(withHeader("Bundle-SymbolicName", ""), "the plugin jar has no Bundle-SymbolicName: not a bundle");
        assertBad(withHeader("Bundle-Version", "one"), "'one' is not an OSGi version");
        assertBad(withHeader("Orrery-Plugin-Entry", "plugin/other.sh"), "Orrery-Plugin-Entry 'plugin/other.sh' is not in the jar");
        assertBad(withHeader("Orrery-Plugin-Entry", "/etc/passwd"), null);
        assertBad("PK not a zip".getBytes(UTF_8), null);
        assertBad(zipWithoutManifest(), "the plugin jar has no META-INF/MANIFEST.MF");
    }

    @Test
    void entryNamesMustStayInsideTheJar() {
        for (String bad : List.of("", " ", "/abs/run.sh", "../run.sh", "plugin/../../run.sh", "plugin/./run.sh", "a//b", "plugin/",
                "plugin\\run.sh", "C:/run.sh", "run\0.sh", "..")) {
            assertFalse(PluginJar.safeEntry(bad), bad);
        }
        for (String good : List.of("run.sh", "plugin/run.sh", "a/b/c.py", "..hidden/x", "x..y")) {
            assertTrue(PluginJar.safeEntry(good), good);
        }
    }

    @Test
    void theShebangLineNamesTheInterpreter() {
        assertEquals(List.of("/bin/sh"), Shebang.of("echo hi\n".getBytes(UTF_8)).interpreter());
        assertEquals(List.of("/bin/sh"), Shebang.of(new byte[0]).interpreter());
        Shebang env = Shebang.of("#!/usr/bin/env python3\nprint(1)".getBytes(UTF_8));
        assertEquals(List.of("/usr/bin/env", "python3"), env.interpreter());
        assertFalse(env.shell());
        assertEquals(List.of("/usr/bin/env", "python3", "/p/run", "a"), env.argv(Path.of("/p/run"), List.of("a")));
        assertEquals(List.of("/bin/bash", "-eu"), Shebang.of("#! /bin/bash  -eu\r\necho".getBytes(UTF_8)).interpreter());
        assertEquals(List.of("/bin/sh"), Shebang.of("#!/bin/sh\r\n".getBytes(UTF_8)).interpreter());
        assertTrue(Shebang.of("#!/bin/bash\n".getBytes(UTF_8)).shell());
        assertTrue(Shebang.of("#!/usr/bin/env zsh\n".getBytes(UTF_8)).shell());
        assertTrue(Shebang.of("no shebang".getBytes(UTF_8)).shell());
        assertFalse(Shebang.of("#!/usr/bin/perl\n".getBytes(UTF_8)).shell());
        assertThrows(IllegalArgumentException.class, () -> Shebang.of("#!python3\n".getBytes(UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> Shebang.of("#!\nx".getBytes(UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> Shebang.of(("#!/bin/" + "x".repeat(600)).getBytes(UTF_8)));
    }

    @Test
    void theRegistrySurvivesARestartAndACorruptFileIsRebuilt() throws Exception {
        Registry r = new Registry(root);
        r.put("a", new Registry.Entry("2.0.0", "java", "1.0.0", "3.0.0", "PLUGIN_FAILED: x", true));
        r.put("b", new Registry.Entry("1.0.0", "script", null, null, null, true));
        r.put("b", null);
        Registry again = new Registry(root);
        assertEquals(r.snapshot(), again.snapshot());
        assertEquals("PLUGIN_FAILED: x", again.get("a").orElseThrow().error());
        assertEquals(new Registry.Entry("2.0.0", "java", "1.0.0", null, null, true), again.get("a").orElseThrow().healthy());
        assertFalse(Files.readString(root.resolve("registry.json")).contains("null"));
        Files.writeString(root.resolve("registry.json"), "{not json");
        assertTrue(new Registry(root).snapshot().isEmpty());
    }

    @Test
    void outputIsCappedAndSplitIntoLines() {
        List<String> lines = new ArrayList<>();
        CappedOutput out = new CappedOutput(10, l -> lines.add(new String(l, UTF_8)));
        byte[] text = "one\r\ntwo\nthree".getBytes(UTF_8);
        out.write(text, 0, text.length);
        out.write('!');
        out.finish();
        out.write("late\n".getBytes(UTF_8), 0, 5);
        assertEquals(List.of("one", "two", "three!"), lines);
        assertEquals("one\r\ntwo\nt", new String(out.bytes(), UTF_8));
        assertTrue(out.truncated());
        List<Integer> sizes = new ArrayList<>();
        CappedOutput big = new CappedOutput(1, l -> sizes.add(l.length));
        byte[] longLine = new byte[DataChannel.MAX_RECORD_BYTES + 5];
        java.util.Arrays.fill(longLine, (byte) 'x');
        big.write(longLine, 0, longLine.length);
        big.finish();
        assertEquals(List.of(DataChannel.MAX_RECORD_BYTES, 5), sizes);
    }

    @Test
    void scriptsAreExtractedPrivatelyAndRemoved() throws Exception {
        ScriptStore store = new ScriptStore(root);
        ScriptStore.Script s = store.extract("p", "1.0.0", "bin/run.py", "#!/usr/bin/python3\n".getBytes(UTF_8));
        assertNull(s.problem());
        assertEquals(root.resolve("p/1.0.0/run.py"), s.file());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.file().getParent())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.file())));
        store.remove(s);
        assertFalse(Files.exists(root.resolve("p/1.0.0")));
        assertTrue(store.extract("p", "1.0.0", "../run.py", new byte[1]).problem().contains("not a safe relative path"));
        assertTrue(store.extract("p", "1.0.0", "/etc/run.py", new byte[1]).problem().contains("not a safe relative path"));
        assertTrue(store.extract("p", "1.0.0", "run.py", null).problem().contains("is not in the bundle"));
        assertFalse(Files.exists(root.resolve("etc")) || Files.exists(root.getParent().resolve("run.py")));
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new PluginSettings(java.time.Duration.ZERO, 1, 1, root));
        assertThrows(IllegalArgumentException.class, () -> new PluginSettings(java.time.Duration.ofSeconds(1), 0, 1, root));
        assertThrows(IllegalArgumentException.class, () -> new PluginSettings(java.time.Duration.ofSeconds(1), 1, 0, root));
        assertThrows(IllegalArgumentException.class, () -> new PluginSettings(java.time.Duration.ofSeconds(1), 1, 1, Path.of("rel")));
    }

    private static byte[] withHeader(String name, String value) {
        Map<String, String> h = new HashMap<>(Jars.headers("s", "1.0.0", "script"));
        h.put("Orrery-Plugin-Entry", "plugin/run.sh");
        h.put(name, value);
        return Jars.jar(h, Map.of("plugin/run.sh", new byte[1]));
    }

    private static byte[] zipWithoutManifest() throws Exception {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(b)) {
            z.putNextEntry(new java.util.zip.ZipEntry("a.txt"));
            z.write(1);
        }
        return b.toByteArray();
    }

    private static void assertBad(byte[] jar, String message) {
        TaskRefused r = assertThrows(TaskRefused.class, () -> PluginJar.read(jar));
        assertEquals(ErrorCode.BAD_TASK, r.code());
        if (message != null) {
            assertEquals(message, r.getMessage());
        }
    }
}
