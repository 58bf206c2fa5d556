package dev.orrery.agent.plugin.internal;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Validated {@link PluginConfig}.
 *
 * @param startTimeout bound of each framework step of an install and of the wait for a Plugin service
 * @param runTimeoutSeconds deadline of a run whose task names none
 * @param maxOutputBytes standard output kept per java run
 * @param folder absolute folder of jars, scripts, working folders and the registry
 */
record PluginSettings(Duration startTimeout, int runTimeoutSeconds, int maxOutputBytes, Path folder) {
    PluginSettings {
        if (startTimeout.isNegative() || startTimeout.isZero() || startTimeout.toSeconds() > 600) {
            throw new IllegalArgumentException(PluginConfig.PID + ": startTimeoutSeconds must be 1-600, got " + startTimeout.toSeconds());
        }
        if (runTimeoutSeconds < 1) {
            throw new IllegalArgumentException(PluginConfig.PID + ": runTimeoutSeconds must be at least 1, got " + runTimeoutSeconds);
        }
        if (maxOutputBytes < 1) {
            throw new IllegalArgumentException(PluginConfig.PID + ": maxOutputBytes must be at least 1, got " + maxOutputBytes);
        }
        if (folder == null || !folder.isAbsolute()) {
            throw new IllegalArgumentException(PluginConfig.PID + ": folder must be an absolute path: " + folder);
        }
    }

    /**
     * @param c the configuration
     * @return the settings
     * @throws IllegalArgumentException naming the invalid setting
     */
    static PluginSettings of(PluginConfig c) {
        String f = c.folder() == null ? "" : c.folder().trim();
        Path folder = f.isEmpty() ? Path.of(System.getProperty("karaf.data", "data"), "orrery", "plugins").toAbsolutePath() : Path.of(f);
        return new PluginSettings(Duration.ofSeconds(c.startTimeoutSeconds()), c.runTimeoutSeconds(), c.maxOutputBytes(), folder);
    }
}
