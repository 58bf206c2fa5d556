package dev.orrery.agent.core.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The agent's one timer thread. Every change of the link's state is posted here and runs in
 * order; heartbeats tick here too. Once halted, posted actions no longer run. Thread-safe.
 */
final class LinkTimer implements AutoCloseable {
    private final ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "orrery-agent-link");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean halted;

    /**
     * @param action what to run on the timer thread, unless halted by then
     * @param delayMillis when
     */
    void post(Runnable action, long delayMillis) {
        if (halted) {
            return;
        }
        try {
            exec.schedule(() -> {
                if (!halted) {
                    action.run();
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    /**
     * @param action a periodic action (runs even when halted, until cancelled or closed)
     * @param periodSeconds its period, also the first delay
     * @return its handle
     * @throws RejectedExecutionException once closed
     */
    ScheduledFuture<?> every(Runnable action, int periodSeconds) {
        return exec.scheduleAtFixedRate(action, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    /** Stops running posted actions; periodic ones go on until {@link #close()}. */
    void halt() {
        halted = true;
    }

    @Override
    public void close() {
        halted = true;
        exec.shutdownNow();
    }
}
