package dev.orrery.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A bench command run in a child JVM on this JVM's class path ({@code bench sim}, the echo
 * server and clients). The driver talks to it through its standard input ({@code go},
 * {@code stop}) and reads its {@link StatusLine}s; every other output line goes to a log file.
 * {@link #close()} asks it to stop, then kills it; a shutdown hook of the driver does the same.
 */
public final class ChildJvm implements AutoCloseable {
    private final String name;
    private final Process process;
    private final PrintWriter stdin;
    private final Map<String, StatusLine> latest = new ConcurrentHashMap<>();
    private final Writer log;

    private ChildJvm(String name, Process process, Writer log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readOutput, "child-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * @param name for logs and errors
     * @param jvmOptions e.g. {@code -Xmx512m}
     * @param command the bench command and its arguments
     * @param log where the child's non-status output goes (appended)
     * @return the started child
     * @throws IOException if it cannot be started
     */
    public static ChildJvm start(String name, List<String> jvmOptions, List<String> command, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(command);
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ProcessHandle handle = p.toHandle();
        Runtime.getRuntime().addShutdownHook(new Thread(handle::destroyForcibly, "kill-" + name));
        return new ChildJvm(name, p, Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND));
    }

    private void readOutput() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                var status = StatusLine.parse(line);
                if (status.isPresent()) {
                    latest.put(status.get().event(), status.get());
                } else {
                    synchronized (log) {
                        log.write(line + "\n");
                        log.flush();
                    }
                }
            }
        } catch (IOException e) {
            // the child ended
        }
    }

    /** @return the name given at start */
    public String name() {
        return name;
    }

    /** @return the pid of the child JVM */
    public long pid() {
        return process.pid();
    }

    /** @return the last status line of this event, or {@code null} if none came yet */
    public StatusLine latest(String event) {
        return latest.get(event);
    }

    /** @throws IllegalStateException if the child exited (it never should before {@link #close()}) */
    public void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("child " + name + " exited with " + process.exitValue() + " (see its log)");
        }
    }

    /** @param line sent to the child's standard input */
    public void send(String line) {
        stdin.println(line);
    }

    /** Says {@code stop}, waits up to {@code grace} for the exit, then kills the child. Idempotent. */
    public void close(Duration grace) {
        if (process.isAlive()) {
            send("stop");
            stdin.close();
            try {
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            synchronized (log) {
                log.close();
            }
        } catch (IOException e) {
            // nothing left to write
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
