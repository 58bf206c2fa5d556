package dev.orrery.agent.plugin.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The extracted entries of script plugins: {@code ROOT/<name>/<version>/<file name of the entry>},
 * the folder 0700, the file 0600 (it is read by its interpreter, never executed). The entry name
 * is checked again here ({@code ..}, absolute paths). Plain Java: the tests use it without a framework.
 */
final class ScriptStore {
    /**
     * One extracted script.
     *
     * @param name the plugin
     * @param version its version
     * @param file the extracted entry, {@code null} when it could not be extracted
     * @param shebang how to run it, {@code null} when its {@code #!} line is invalid
     * @param text its content, the guard's text when the interpreter is a shell
     * @param problem why it cannot run, {@code null} when it can
     */
    record Script(String name, String version, Path file, Shebang shebang, String text, String problem) {
    }

    private final Path root;

    /** @param root the plugin folder */
    ScriptStore(Path root) {
        this.root = root;
    }

    /**
     * @param name a plugin (a valid name)
     * @param version its normalised version
     * @param entry the {@code Orrery-Plugin-Entry} header
     * @param content the entry's bytes, {@code null} when the bundle has no such entry
     * @return the script, with its problem when it cannot run
     */
    Script extract(String name, String version, String entry, byte[] content) {
        if (!PluginJar.NAMES.matcher(name).matches() || !PluginJar.safeEntry(entry)) {
            return new Script(name, version, null, null, "", PluginJar.ENTRY + " '" + entry + "' is not a safe relative path");
        }
        if (content == null) {
            return new Script(name, version, null, null, "", PluginJar.ENTRY + " '" + entry + "' is not in the bundle");
        }
        Shebang shebang;
        String problem = null;
        try {
            shebang = Shebang.of(content);
        } catch (IllegalArgumentException e) {
            shebang = null;
            problem = e.getMessage();
        }
        Path dir = folder(name, version);
        Path file = dir.resolve(Path.of(entry).getFileName().toString());
        try {
            PluginFiles.deleteTree(dir);
            PluginFiles.folder(dir);
            Files.write(file, new byte[0], StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            PluginFiles.mode(file, "rw-------");
            Files.write(file, content, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            return new Script(name, version, null, shebang, "", "cannot extract " + entry + " to " + dir + ": " + e.getMessage());
        }
        return new Script(name, version, file, shebang, new String(content, StandardCharsets.UTF_8), problem);
    }

    /** @param s a script whose folder goes (its bundle stopped or went) */
    void remove(Script s) {
        PluginFiles.deleteTree(folder(s.name(), s.version()));
    }

    private Path folder(String name, String version) {
        return root.resolve(name).resolve(version);
    }
}
