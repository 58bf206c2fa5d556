package dev.orrery.center.store.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention: every {@code pruneIntervalMinutes} deletes finished tasks older than
 * {@code retentionDays} and the oldest beyond {@code maxFinishedTasks}, and data channel records
 * stored more than {@code dataRetentionHours} ago (PID {@code dev.orrery.center.store}), so the
 * store never fills the disk.
 */
@Component(service = {}, immediate = true, configurationPid = StoreConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class Pruner {
    private static final Logger LOG = LoggerFactory.getLogger(Pruner.class);
    private static final int BATCH = 500;

    private final Retention retention;
    private final long retentionMillis;
    private final int maxFinished;
    private final DataRetention data;
    private final long dataRetentionMillis;
    private final ScheduledExecutorService timer;

    /**
     * @param config the store configuration
     * @param db the database
     */
    @Activate
    public Pruner(StoreConfig config, @Reference(name = "database") Database db) {
        if (config.retentionDays() < 1) {
            throw new IllegalArgumentException("retentionDays must be positive, was " + config.retentionDays());
        }
        if (config.maxFinishedTasks() < 1) {
            throw new IllegalArgumentException("maxFinishedTasks must be positive, was " + config.maxFinishedTasks());
        }
        if (config.dataRetentionHours() < 1) {
            throw new IllegalArgumentException("dataRetentionHours must be positive, was " + config.dataRetentionHours());
        }
        if (config.pruneIntervalMinutes() < 1) {
            throw new IllegalArgumentException("pruneIntervalMinutes must be positive, was " + config.pruneIntervalMinutes());
        }
        this.retention = new Retention(db, BATCH);
        this.retentionMillis = TimeUnit.DAYS.toMillis(config.retentionDays());
        this.maxFinished = config.maxFinishedTasks();
        this.data = new DataRetention(db, BATCH);
        this.dataRetentionMillis = TimeUnit.HOURS.toMillis(config.dataRetentionHours());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "orrery-store-pruner");
            t.setDaemon(true);
            return t;
        });
        long every = config.pruneIntervalMinutes();
        timer.scheduleWithFixedDelay(this::run, 1, every, TimeUnit.MINUTES);
    }

    /** Stops the timer. */
    @Deactivate
    public void close() {
        timer.shutdownNow();
    }

    private void run() {
        try {
            int n = retention.prune(System.currentTimeMillis() - retentionMillis, maxFinished);
            if (n > 0) {
                LOG.info("Pruned {} finished task(s) and their results", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("Pruning failed: {}", e.toString());
        }
        try {
            int n = data.prune(System.currentTimeMillis() - dataRetentionMillis);
            if (n > 0) {
                LOG.info("Pruned {} data channel record(s)", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("Pruning data channel records failed: {}", e.toString());
        }
    }
}
