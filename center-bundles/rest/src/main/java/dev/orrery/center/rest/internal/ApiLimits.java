package dev.orrery.center.rest.internal;

/**
 * The validated limits the API enforces.
 *
 * @param maxBodyBytes largest request body, bytes
 * @param maxSkewSeconds largest distance of a request timestamp from the clock, seconds
 * @param nonceCacheSize most nonces remembered at once
 * @param maxTargets most target names (hosts plus groups) in one request
 */
record ApiLimits(int maxBodyBytes, int maxSkewSeconds, int nonceCacheSize, int maxTargets) {
    /** The defaults of {@link RestConfig}. */
    static final ApiLimits DEFAULTS = new ApiLimits(1048576, 300, 100000, 10000);

    ApiLimits {
        require(maxBodyBytes >= 1024 && maxBodyBytes <= 256 * 1024 * 1024, "maxBodyBytes must be 1024..268435456, got " + maxBodyBytes);
        require(maxSkewSeconds >= 1 && maxSkewSeconds <= 3600, "maxSkewSeconds must be 1..3600, got " + maxSkewSeconds);
        require(maxTargets >= 1 && maxTargets <= 1_000_000, "maxTargets must be 1..1000000, got " + maxTargets);
        require(nonceCacheSize >= 1000 && nonceCacheSize <= 10_000_000, "nonceCacheSize must be 1000..10000000, got " + nonceCacheSize);
    }

    /**
     * The limits without a target limit of their own (tests and callers that predate it).
     *
     * @param maxBodyBytes largest request body, bytes
     * @param maxSkewSeconds largest timestamp distance, seconds
     * @param nonceCacheSize most nonces remembered
     */
    ApiLimits(int maxBodyBytes, int maxSkewSeconds, int nonceCacheSize) {
        this(maxBodyBytes, maxSkewSeconds, nonceCacheSize, 10000);
    }

    static ApiLimits of(RestConfig config) {
        return new ApiLimits(config.maxBodyBytes(), config.maxSkewSeconds(), config.nonceCacheSize(), config.maxTargets());
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(RestConfig.PID + ": " + message);
        }
    }
}
