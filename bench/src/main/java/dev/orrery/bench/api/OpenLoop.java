package dev.orrery.bench.api;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Offers calls at a fixed rate for a number of seconds, open loop (a call is started when it is
 * due, whether or not earlier ones were answered), with a bound on the calls awaiting their
 * answer: when the bound holds a call back, the client says so rather than silently measuring a
 * lower rate.
 */
final class OpenLoop {
    /** One asynchronous call; it runs {@code answered} once it has its answer (or failed). */
    @FunctionalInterface
    interface Call {
        void start(Runnable answered);
    }

    /**
     * @param offered calls started
     * @param clientBound whether the bound on outstanding calls held the rate back
     * @param seconds how long the load ran
     * @param startMillis when it started, epoch ms
     */
    record Load(long offered, boolean clientBound, double seconds, long startMillis) {
    }

    private OpenLoop() {
    }

    /**
     * Runs the load and waits until every call is answered.
     *
     * @param everySecond called about once a second with the calls started so far
     */
    static Load run(int rate, int seconds, int maxOutstanding, Call call, LongConsumer everySecond) throws InterruptedException {
        Semaphore outstanding = new Semaphore(maxOutstanding);
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long issued = 0;
        long nextReport = start + TimeUnit.SECONDS.toNanos(1);
        boolean stalled = false;
        for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
            long due = (now - start) * rate / 1_000_000_000L;
            while (issued < due) {
                if (!outstanding.tryAcquire()) {
                    stalled = true;
                    break;
                }
                issued++;
                call.start(outstanding::release);
            }
            if (now >= nextReport) {
                everySecond.accept(issued);
                nextReport += TimeUnit.SECONDS.toNanos(1);
            }
            TimeUnit.MICROSECONDS.sleep(200);
        }
        double offeredSeconds = (System.nanoTime() - start) / 1e9;
        outstanding.acquire(maxOutstanding);
        return new Load(issued, stalled, offeredSeconds, startMillis);
    }
}
