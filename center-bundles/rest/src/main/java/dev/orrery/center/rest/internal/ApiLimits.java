package dev.orrery.center.rest.internal;

/**
 * The validated limits the API enforces.
 *
 * @param maxBodyBytes largest request body, bytes
 * @param maxSkewSeconds largest distance of a request timestamp from the clock, seconds
 * @param nonceCacheSize most nonces remembered at once
 */
record ApiLimits(int maxBodyBytes, int maxSkewSeconds, int nonceCacheSize) {
    /** The defaults of {@link RestConfig}. */
    static final ApiLimits DEFAULTS = new ApiLimits(1048576, 300, 100000);

    ApiLimits {
        require(maxBodyBytes >= 1024 && maxBodyBytes <= 256 * 1024 * 1024, "maxBodyBytes must be 1024..268435456, got " + maxBodyBytes);
        require(maxSkewSeconds >= 1 && maxSkewSeconds <= 3600, "maxSkewSeconds must be 1..3600, got " + maxSkewSeconds);
        require(nonceCacheSize >= 1000 && nonceCacheSize <= 10_000_000, "nonceCacheSize must be 1000..10000000, got " + nonceCacheSize);
    }

    static ApiLimits of(RestConfig config) {
        return new ApiLimits(config.maxBodyBytes(), config.maxSkewSeconds(), config.nonceCacheSize());
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(RestConfig.PID + ": " + message);
        }
    }
}
