package dev.orrery.center.market.internal;

import dev.orrery.center.market.internal.rollout.Reconciler;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The marketplace's one thread: runs the first-start import once, then a reconcile pass every
 * {@code reconcileSeconds} and whenever {@link #wake} is called. Without a thread (tests) passes
 * run only through {@link #pass}.
 */
final class Pacer {
    private static final Logger LOG = LoggerFactory.getLogger(Pacer.class);

    private final Reconciler reconciler;
    private final ScheduledExecutorService timer;

    /**
     * @param seconds between two passes
     * @param reconciler what a pass runs
     * @param first what runs once before the first pass
     * @param background whether to start the thread
     */
    Pacer(int seconds, Reconciler reconciler, Runnable first, boolean background) {
        this.reconciler = reconciler;
        if (!background) {
            this.timer = null;
            return;
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "orrery-market-reconcile");
            t.setDaemon(true);
            return t;
        });
        timer.execute(() -> {
            try {
                first.run();
            } catch (RuntimeException e) {
                LOG.warn("Marketplace: the first-start import failed; it is tried again at the next start", e);
            }
        });
        timer.scheduleWithFixedDelay(this::pass, seconds, seconds, TimeUnit.SECONDS);
    }

    /** Asks for a pass now (a subscription changed). */
    void wake() {
        if (timer != null) {
            try {
                timer.execute(this::pass);
            } catch (RejectedExecutionException stopping) {
                // deactivated: the next start reconciles
            }
        }
    }

    /** @return how many tasks the pass sent */
    int pass() {
        try {
            int sent = reconciler.reconcile();
            if (sent > 0) {
                LOG.info("Marketplace: {} plugin task(s) sent", sent);
            }
            return sent;
        } catch (RuntimeException e) {
            LOG.warn("Marketplace: reconciliation failed; retried in the next pass", e);
            return 0;
        }
    }

    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
