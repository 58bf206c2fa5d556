package dev.orrery.agent.cmd.internal;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The validated settings of the command runner.
 *
 * @param shell absolute path of an executable shell
 * @param maxOutputBytes cap per stream, at least 1
 * @param defaultTimeoutSeconds timeout of tasks naming none, at least 1
 * @param killGraceMillis SIGTERM to SIGKILL delay, 0 or more
 * @param spoolDir absolute root of the per-task spool folders
 * @param spoolRetentionHours how long a spool is kept after its deadline, at least 1
 */
record CmdSettings(Path shell, int maxOutputBytes, int defaultTimeoutSeconds, long killGraceMillis, Path spoolDir,
        int spoolRetentionHours) {
    /** The largest cap accepted: a result must still fit a frame. */
    static final int MAX_OUTPUT_LIMIT = 3 * 1024 * 1024;

    CmdSettings {
        if (shell == null || !shell.isAbsolute() || !Files.isExecutable(shell)) {
            throw new IllegalArgumentException("shell must be the absolute path of an executable: " + shell);
        }
        if (maxOutputBytes < 1 || maxOutputBytes > MAX_OUTPUT_LIMIT) {
            throw new IllegalArgumentException("maxOutputBytes must be within 1.." + MAX_OUTPUT_LIMIT + ": " + maxOutputBytes);
        }
        if (defaultTimeoutSeconds < 1) {
            throw new IllegalArgumentException("defaultTimeoutSeconds must be at least 1: " + defaultTimeoutSeconds);
        }
        if (killGraceMillis < 0) {
            throw new IllegalArgumentException("killGraceMillis must not be negative: " + killGraceMillis);
        }
        if (spoolDir == null || !spoolDir.isAbsolute()) {
            throw new IllegalArgumentException("spoolDir must be an absolute path: " + spoolDir);
        }
        if (spoolRetentionHours < 1) {
            throw new IllegalArgumentException("spoolRetentionHours must be at least 1: " + spoolRetentionHours);
        }
    }

    /**
     * @param c the typed configuration
     * @return the validated settings
     * @throws IllegalArgumentException naming the first bad setting
     */
    static CmdSettings of(CmdConfig c) {
        String shell = c.shell() == null ? "" : c.shell().trim();
        String spool = c.spoolDir() == null ? "" : c.spoolDir().trim();
        Path spoolDir = spool.isEmpty()
                ? Path.of(System.getProperty("karaf.data", "data"), "orrery", "agent", "spool").toAbsolutePath()
                : Path.of(spool);
        return new CmdSettings(Path.of(shell.isEmpty() ? "/bin/sh" : shell), c.maxOutputBytes(), c.defaultTimeoutSeconds(),
                c.killGraceMillis(), spoolDir, c.spoolRetentionHours());
    }

    /** @return the spool retention in milliseconds */
    long spoolRetentionMillis() {
        return spoolRetentionHours * 3_600_000L;
    }
}
