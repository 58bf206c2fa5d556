package dev.orrery.agent.cron.internal;

import java.nio.file.Path;

/**
 * Validated {@link CronConfig}.
 *
 * @param folder absolute folder of jobs.json
 * @param maxConcurrent runs at once, 1–256
 * @param maxOutputBytes output kept per run record, 0–12288
 */
record CronSettings(Path folder, int maxConcurrent, int maxOutputBytes) {
    CronSettings {
        if (!folder.isAbsolute()) {
            throw new IllegalArgumentException(CronConfig.PID + ": folder must be an absolute path: " + folder);
        }
        if (maxConcurrent < 1 || maxConcurrent > 256) {
            throw new IllegalArgumentException(CronConfig.PID + ": maxConcurrent must be 1-256, got " + maxConcurrent);
        }
        if (maxOutputBytes < 0 || maxOutputBytes > 12288) {
            throw new IllegalArgumentException(CronConfig.PID + ": maxOutputBytes must be 0-12288, got " + maxOutputBytes);
        }
    }

    /**
     * @param c the configuration
     * @return the settings
     * @throws IllegalArgumentException naming the invalid setting
     */
    static CronSettings of(CronConfig c) {
        String f = c.folder() == null ? "" : c.folder().trim();
        Path folder = f.isEmpty() ? Path.of(System.getProperty("karaf.data", "data"), "orrery", "cron").toAbsolutePath() : Path.of(f);
        return new CronSettings(folder, c.maxConcurrent(), c.maxOutputBytes());
    }
}
