package dev.orrery.plugin.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.orrery.guard.Guard;
import dev.orrery.guard.Verdict;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a plugin's script the way the agent's extender does (through {@code /bin/sh}, as jar entries
 * carry no exec bit) in a test's temp folder, with a hard timeout after which the process and its
 * children are killed. Output goes to files, so a chatty script cannot block on a full pipe.
 */
public final class ScriptRun {
    /** Longest a script may run in a test. */
    public static final long TIMEOUT_SECONDS = 60;

    /** What a run produced. */
    public record Result(int exit, String out, String err) {
        /** @return stdout split into lines */
        public List<String> lines() {
            return out.lines().toList();
        }
    }

    private final Path script;
    private final Path dir;

    private ScriptRun(Path script, Path dir) {
        this.script = script;
        this.dir = dir;
    }

    /**
     * @param name the plugin name: the script is the resource {@code plugin/NAME.sh}
     * @param dir the working folder (a {@code @TempDir})
     * @return a runner for that script
     */
    public static ScriptRun of(String name, Path dir) {
        return new ScriptRun(resource(name), dir);
    }

    /** @return the script text of the resource {@code plugin/NAME.sh} */
    public static String text(String name) throws IOException {
        return Files.readString(resource(name), StandardCharsets.UTF_8);
    }

    /** Asserts the script starts with {@code #!/bin/sh} and passes the agent's command guard. */
    public static void assertWellFormed(String name) throws IOException {
        String text = text(name);
        assertEquals("#!/bin/sh", text.lines().findFirst().orElse(""));
        Verdict verdict = Guard.withDefaults().check(text);
        assertFalse(verdict.blocked(), () -> "the guard blocks " + name + ": " + verdict);
    }

    /**
     * Runs the script with the arguments; fails the test if it runs longer than
     * {@link #TIMEOUT_SECONDS}.
     */
    public Result run(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("/bin/sh", script.toString()));
        argv.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(argv).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                fail(script.getFileName() + " " + String.join(" ", args) + " ran over " + TIMEOUT_SECONDS + " s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Path resource(String name) {
        URL url = ScriptRun.class.getClassLoader().getResource("plugin/" + name + ".sh");
        if (url == null) {
            throw new AssertionError("no resource plugin/" + name + ".sh");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError("cannot read plugin/" + name + ".sh", e);
        }
    }
}
