package dev.orrery.center.rest.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per API key: {@code perSecond} tokens a second, at most {@code burst} saved up;
 * each request takes one. Keys are verified key ids only (the bucket is consulted after the
 * signature check), so the map holds at most one bucket per account. Rate 0 disables the limit.
 * Thread-safe.
 */
final class RateLimiter {
    /** No limit. */
    static final RateLimiter NONE = new RateLimiter(0, 0, System::nanoTime);

    private final double perNano;
    private final double burst;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param perSecond tokens per second, 0 for no limit
     * @param burst most tokens saved up, at least 1 when limited
     * @param nanos a monotonic clock in nanoseconds
     */
    RateLimiter(int perSecond, int burst, LongSupplier nanos) {
        if (perSecond < 0 || burst < 0 || perSecond > 0 && burst < 1) {
            throw new IllegalArgumentException(RestConfig.PID + ": rateLimitPerSecond must be 0 or more and rateBurst at least 1, got "
                    + perSecond + " and " + burst);
        }
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.nanos = nanos;
    }

    /**
     * Takes a token for a request.
     *
     * @param keyId the verified key id
     * @return 0 if the request may go on, else the seconds (at least 1) until a token is free
     */
    long acquire(String keyId) {
        if (perNano == 0) {
            return 0;
        }
        return buckets.computeIfAbsent(keyId, k -> new Bucket(burst, nanos.getAsLong())).take(nanos.getAsLong());
    }

    /** @param keyId an account that is gone: forget its bucket */
    void forget(String keyId) {
        buckets.remove(keyId);
    }

    private final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized long take(long now) {
            tokens = Math.min(burst, tokens + Math.max(0, now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
        }
    }
}
