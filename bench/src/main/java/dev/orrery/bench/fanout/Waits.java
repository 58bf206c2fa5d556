package dev.orrery.bench.fanout;

import java.util.concurrent.TimeoutException;

/** Polling until a condition holds, for the driver (not for tests: they use Awaitility). */
public final class Waits {
    /** A condition that may fail while the system comes up; a failure counts as "not yet". */
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Waits() {
    }

    /**
     * @param what for the timeout's message
     * @param timeoutSeconds how long to wait
     * @param condition polled every 200 ms; an {@link IllegalStateException} from it ends the wait at once
     * @throws TimeoutException if it never held
     */
    public static void until(String what, int timeoutSeconds, Condition condition) throws Exception {
        until(what, timeoutSeconds, 200, condition);
    }

    /**
     * @param what for the timeout's message
     * @param timeoutSeconds how long to wait
     * @param pollMillis the pause between two polls
     * @param condition an {@link IllegalStateException} from it ends the wait at once
     * @throws TimeoutException if it never held
     */
    public static void until(String what, int timeoutSeconds, long pollMillis, Condition condition) throws Exception {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (IllegalStateException | InterruptedException e) {
                throw e;
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(pollMillis);
        }
        throw new TimeoutException("timed out after " + timeoutSeconds + " s waiting for " + what
                + (last == null ? "" : " (last error: " + last + ")"));
    }
}
