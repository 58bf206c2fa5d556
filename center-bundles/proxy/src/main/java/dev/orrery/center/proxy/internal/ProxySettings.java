package dev.orrery.center.proxy.internal;

/**
 * Validated proxy settings.
 *
 * @param defaultTimeoutSeconds timeout of a task that names none
 * @param maxTimeoutSeconds longest timeout accepted
 * @param sweepIntervalMillis how often expired tasks are ended
 * @param workerThreads worker threads
 */
public record ProxySettings(int defaultTimeoutSeconds, int maxTimeoutSeconds, long sweepIntervalMillis, int workerThreads) {
    public ProxySettings {
        if (maxTimeoutSeconds < 1) {
            throw new IllegalArgumentException("maxTimeoutSeconds must be positive, was " + maxTimeoutSeconds);
        }
        if (defaultTimeoutSeconds < 1 || defaultTimeoutSeconds > maxTimeoutSeconds) {
            throw new IllegalArgumentException("defaultTimeoutSeconds must be 1-" + maxTimeoutSeconds + ", was " + defaultTimeoutSeconds);
        }
        if (sweepIntervalMillis < 50) {
            throw new IllegalArgumentException("sweepIntervalMillis must be at least 50, was " + sweepIntervalMillis);
        }
        if (workerThreads < 1 || workerThreads > 64) {
            throw new IllegalArgumentException("workerThreads must be 1-64, was " + workerThreads);
        }
    }

    static ProxySettings from(ProxyConfig c) {
        return new ProxySettings(c.defaultTimeoutSeconds(), c.maxTimeoutSeconds(), c.sweepIntervalMillis(), c.workerThreads());
    }
}
