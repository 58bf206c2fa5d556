package dev.orrery.bench.karaf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One real Orrery distribution, unpacked into its own folder and run as a separate operating
 * system process ({@code bin/karaf daemon}, which execs the JVM). {@link #stop()} ends the whole
 * process tree it started, and nothing else.
 */
public final class KarafProcess {
    private final String name;
    private final Path home;
    private Process process;
    private String javaOptions;

    private KarafProcess(String name, Path home) {
        this.name = name;
        this.home = home;
    }

    /** Unpacks a distribution tar.gz into {@code parent/name}, replacing any earlier run. */
    public static KarafProcess unpack(Path tgz, Path parent, String name) throws IOException, InterruptedException {
        Path home = parent.resolve(name);
        deleteTree(home);
        Files.createDirectories(home);
        Process tar = new ProcessBuilder("tar", "-xzf", tgz.toString(), "-C", home.toString(), "--strip-components=1")
                .redirectErrorStream(true).start();
        String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!tar.waitFor(60, TimeUnit.SECONDS) || tar.exitValue() != 0) {
            throw new IOException("cannot unpack " + tgz + ": " + out);
        }
        return new KarafProcess(name, home);
    }

    /** @return the distribution file a system property names (set by the pom from the built artifacts) */
    public static Path distribution(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.isRegularFile(Path.of(value))) {
            throw new IllegalStateException(property + " does not name a built distribution (run through mvn verify): " + value);
        }
        return Path.of(value);
    }

    public String name() {
        return name;
    }

    public Path home() {
        return home;
    }

    /** Sets {@code key = value} in {@code etc/<file>}, replacing an existing line for that key. */
    public KarafProcess configure(String etcFile, String key, Object value) throws IOException {
        Path file = home.resolve(etcFile);
        List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file)) : new ArrayList<>();
        Pattern existing = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:].*");
        lines.removeIf(l -> existing.matcher(l).matches());
        lines.add(key + " = " + value);
        Files.write(file, lines);
        return this;
    }

    /** JVM options for {@code EXTRA_JAVA_OPTS}; naming {@code -Dorrery.role=} replaces the distribution's defaults. */
    public KarafProcess javaOptions(String options) {
        this.javaOptions = options;
        return this;
    }

    /** Starts the Karaf in the background; its output goes to {@code data/log/stdout.log}. */
    public void start() throws IOException {
        Path log = home.resolve("data/log/stdout.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "daemon")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        for (String v : List.of("KARAF_HOME", "KARAF_BASE", "KARAF_DATA", "KARAF_ETC", "KARAF_LOG", "JAVA_OPTS")) {
            pb.environment().remove(v);
        }
        if (javaOptions != null) {
            pb.environment().put("EXTRA_JAVA_OPTS", javaOptions);
        }
        process = pb.start();
        // Should the test JVM itself be stopped, the process still goes with it.
        ProcessHandle started = process.toHandle();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            started.descendants().forEach(ProcessHandle::destroyForcibly);
            started.destroyForcibly();
        }, "stop-" + name));
    }

    /** Kills the JVM with SIGKILL, as a crash would: what it started (agent commands) is left running. */
    public void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.toHandle().destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not die after SIGKILL");
        }
        process = null;
    }

    /** @return the pid of the running JVM, or -1 */
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** Ends the process and every process it started (commands run by an agent included). */
    public void stop() {
        if (process == null) {
            return;
        }
        ProcessHandle root = process.toHandle();
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        root.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                root.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            root.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        process = null;
    }

    /** @return the last lines of the Karaf log, for a failure report */
    public String logTail(int lines) {
        Path log = home.resolve("data/log/karaf.log");
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no " + log + ")";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
