package dev.orrery.center.proxy.internal;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before a dispatched host task is sent again: {@code initial} after the first send,
 * doubling with each further send up to {@code max}, each drawn at random from the upper half
 * of that span so that host tasks dispatched together do not come due together.
 *
 * @param initialMillis wait after the first send
 * @param maxMillis the longest wait
 */
record Retry(long initialMillis, long maxMillis) {

    /**
     * @param sends how many times the host task will have been sent (1 for the first send)
     * @return milliseconds to wait for its Ack RECEIVED
     */
    long delay(int sends) {
        int doublings = Math.max(0, Math.min(sends - 1, 30));
        long span = Math.min(maxMillis, initialMillis << doublings);
        if (span <= 0) {
            span = maxMillis;
        }
        return span / 2 + ThreadLocalRandom.current().nextLong(span / 2 + 1);
    }

    /** @return epoch ms at which a host task sent now for the {@code sends}-th time is due again */
    long resendAt(int sends) {
        return System.currentTimeMillis() + delay(sends);
    }
}
