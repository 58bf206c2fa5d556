package dev.orrery.bench.fanout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A Java Flight Recorder recording of one phase in a running JVM, through {@code jcmd}: started
 * when the phase starts, dumped to a file and stopped when it ends. Failures are reported, never
 * thrown: profiling must not break a measurement.
 */
public final class JfrProbe {
    private final long pid;
    private final Path file;
    private final Progress progress;
    private final String name;

    private JfrProbe(long pid, Path file, Progress progress) {
        this.pid = pid;
        this.file = file;
        this.progress = progress;
        this.name = "bench-" + file.getFileName().toString().replace(".jfr", "");
    }

    /** @return a recording under way in {@code pid}, to be written to {@code file} by {@link #stop()} */
    public static JfrProbe start(long pid, Path file, Progress progress) {
        JfrProbe p = new JfrProbe(pid, file, progress);
        p.jcmd("JFR.start", "name=" + p.name, "settings=profile");
        return p;
    }

    /** Writes the recording to its file and ends it. */
    public void stop() {
        if (jcmd("JFR.dump", "name=" + name, "filename=" + file.toAbsolutePath())) {
            progress.say("JFR recording of the center written to " + file.toAbsolutePath());
        }
        jcmd("JFR.stop", "name=" + name);
    }

    private boolean jcmd(String... command) {
        try {
            String[] cmd = new String[command.length + 2];
            cmd[0] = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            cmd[1] = Long.toString(pid);
            System.arraycopy(command, 0, cmd, 2, command.length);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return true;
            }
            progress.say("jcmd " + String.join(" ", command) + " failed: " + out.strip());
        } catch (IOException e) {
            progress.say("jcmd failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
