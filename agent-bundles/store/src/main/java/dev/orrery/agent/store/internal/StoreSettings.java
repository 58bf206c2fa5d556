package dev.orrery.agent.store.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The validated settings of the script runner.
 *
 * @param maxScriptBytes the largest script accepted, at least 1
 * @param scriptDir absolute folder of the per-task script folders
 * @param defaultInterpreter absolute path of the interpreter of tasks naming none
 * @param shells program names whose scripts the guard vets
 */
record StoreSettings(int maxScriptBytes, Path scriptDir, String defaultInterpreter, Set<String> shells) {
    StoreSettings {
        if (maxScriptBytes < 1) {
            throw new IllegalArgumentException("maxScriptBytes must be at least 1: " + maxScriptBytes);
        }
        if (scriptDir == null || !scriptDir.isAbsolute()) {
            throw new IllegalArgumentException("scriptDir must be an absolute path: " + scriptDir);
        }
        if (defaultInterpreter == null || !Path.of(defaultInterpreter).isAbsolute()) {
            throw new IllegalArgumentException("defaultInterpreter must be an absolute path: " + defaultInterpreter);
        }
        shells = Set.copyOf(shells);
    }

    /**
     * @param c the typed configuration
     * @return the validated settings
     * @throws IllegalArgumentException naming the first bad setting
     */
    static StoreSettings of(StoreConfig c) {
        String dir = c.scriptDir() == null ? "" : c.scriptDir().trim();
        Path scripts = dir.isEmpty()
                ? Path.of(System.getProperty("karaf.data", "data"), "orrery", "agent", "scripts").toAbsolutePath()
                : Path.of(dir);
        Set<String> shells = Arrays.stream((c.shells() == null ? "" : c.shells()).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return new StoreSettings(c.maxScriptBytes(), scripts, c.defaultInterpreter() == null ? "" : c.defaultInterpreter().trim(),
                shells);
    }

    /**
     * @param interpreter an absolute path
     * @return whether it names a shell (by its file name)
     */
    boolean isShell(String interpreter) {
        Path name = Path.of(interpreter).getFileName();
        return name != null && shells.contains(name.toString());
    }
}
