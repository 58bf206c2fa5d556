package dev.orrery.center.proxy.internal;

/**
 * Validated proxy settings.
 *
 * @param defaultTimeoutSeconds timeout of a task that names none
 * @param maxTimeoutSeconds longest timeout accepted
 * @param sweepIntervalMillis how often expired tasks are ended and overdue host tasks resent
 * @param workerThreads worker threads
 * @param resendInitialMillis first wait for an Ack RECEIVED before sending again
 * @param resendMaxMillis longest wait between two sends
 * @param recordBatchSize most acks and results, or new tasks, written in one transaction (group commit)
 * @param submitQueueLimit most submissions waiting for their transaction; more are refused ({@code OVERLOADED})
 */
public record ProxySettings(int defaultTimeoutSeconds, int maxTimeoutSeconds, long sweepIntervalMillis, int workerThreads,
        long resendInitialMillis, long resendMaxMillis, int recordBatchSize, int submitQueueLimit) {
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
        if (resendInitialMillis < 100) {
            throw new IllegalArgumentException("resendInitialMillis must be at least 100, was " + resendInitialMillis);
        }
        if (resendMaxMillis < resendInitialMillis) {
            throw new IllegalArgumentException("resendMaxMillis must be at least resendInitialMillis (" + resendInitialMillis
                    + "), was " + resendMaxMillis);
        }
        if (recordBatchSize < 1 || recordBatchSize > 10000) {
            throw new IllegalArgumentException("recordBatchSize must be 1-10000, was " + recordBatchSize);
        }
        if (submitQueueLimit < 1) {
            throw new IllegalArgumentException("submitQueueLimit must be positive, was " + submitQueueLimit);
        }
    }

    /** Settings with the default group-commit batch (1000) and submission queue (10000). */
    public ProxySettings(int defaultTimeoutSeconds, int maxTimeoutSeconds, long sweepIntervalMillis, int workerThreads,
            long resendInitialMillis, long resendMaxMillis) {
        this(defaultTimeoutSeconds, maxTimeoutSeconds, sweepIntervalMillis, workerThreads, resendInitialMillis, resendMaxMillis, 1000,
                10000);
    }

    /** Settings with the default resend waits (5 s growing to 60 s). */
    public ProxySettings(int defaultTimeoutSeconds, int maxTimeoutSeconds, long sweepIntervalMillis, int workerThreads) {
        this(defaultTimeoutSeconds, maxTimeoutSeconds, sweepIntervalMillis, workerThreads, 5000, 60000);
    }

    static ProxySettings from(ProxyConfig c) {
        return new ProxySettings(c.defaultTimeoutSeconds(), c.maxTimeoutSeconds(), c.sweepIntervalMillis(), c.workerThreads(),
                c.resendInitialMillis(), c.resendMaxMillis(), c.recordBatchSize(), c.submitQueueLimit());
    }
}
