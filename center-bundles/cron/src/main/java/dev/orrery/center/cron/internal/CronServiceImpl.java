package dev.orrery.center.cron.internal;

import dev.orrery.center.cron.CronRequest;
import dev.orrery.center.cron.CronService;
import dev.orrery.center.cron.RunPage;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.store.CronJobRecord;
import dev.orrery.center.store.CronStore;
import dev.orrery.center.store.DataStore;
import dev.orrery.center.store.HostStore;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CronService}: jobs in the {@link CronStore}, runs from the {@link DataStore}, and a
 * {@link Reconciler} pass every {@code reconcileSeconds} on its own thread (also right after a job
 * is created or deleted). Configured by PID {@code dev.orrery.center.cron}.
 */
@Component(service = CronService.class, configurationPid = CronCenterConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true)
@Designate(ocd = CronCenterConfig.class)
public final class CronServiceImpl implements CronService {
    private static final Logger LOG = LoggerFactory.getLogger(CronServiceImpl.class);

    private final CronStore jobs;
    private final DataStore data;
    private final JobFactory factory;
    private final Reconciler reconciler;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    /**
     * @param config the settings
     * @param jobs where jobs are kept
     * @param hosts presence and the hosts' status sections
     * @param data the data channel's store (runs)
     * @param tasks the proxy: vets jobs and carries the syncs
     */
    @Activate
    public CronServiceImpl(CronCenterConfig config, @Reference(name = "jobs") CronStore jobs, @Reference(name = "hosts") HostStore hosts,
            @Reference(name = "data") DataStore data, @Reference(name = "tasks") TaskService tasks) {
        this(config, jobs, hosts, data, tasks, Clock.systemUTC());
    }

    CronServiceImpl(CronCenterConfig config, CronStore jobs, HostStore hosts, DataStore data, TaskService tasks, Clock clock) {
        if (config.reconcileSeconds() < 1 || config.minResyncSeconds() < 1 || config.maxStoreBytes() < 1) {
            throw new IllegalArgumentException(CronCenterConfig.PID + ": reconcileSeconds, minResyncSeconds and maxStoreBytes must be positive");
        }
        this.jobs = jobs;
        this.data = data;
        this.clock = clock;
        this.factory = new JobFactory(tasks, config.maxStoreBytes());
        this.reconciler = new Reconciler(jobs, hosts, tasks, clock, config.minResyncSeconds() * 1000L);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "orrery-cron-reconcile");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::reconcile, config.reconcileSeconds(), config.reconcileSeconds(), TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    @Override
    public CronJobRecord create(CronRequest request) {
        CronJobRecord job = factory.build(request, clock.millis());
        jobs.create(job);
        LOG.info("Cron job {} created by {}: '{}' ({}) on {} host(s)", job.cronId(), job.createdBy(), job.schedule(), job.timezone(),
                job.hostIds().size());
        changed(job.hostIds());
        return job;
    }

    @Override
    public List<CronJobRecord> list() {
        return jobs.list(false);
    }

    @Override
    public Optional<CronJobRecord> get(String cronId) {
        return jobs.get(cronId);
    }

    @Override
    public boolean delete(String cronId) {
        Optional<CronJobRecord> job = jobs.get(cronId);
        if (job.isEmpty() || !jobs.delete(cronId, clock.millis())) {
            return false;
        }
        LOG.info("Cron job {} deleted", cronId);
        changed(job.get().hostIds());
        return true;
    }

    @Override
    public RunPage runs(String cronId, long after, int limit, Collection<String> hostIds) {
        return Runs.of(data.read(Runs.topic(cronId), after, limit, hostIds));
    }

    private void changed(List<String> hostIds) {
        reconciler.changed(hostIds);
        try {
            timer.execute(this::reconcile);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // deactivated: the next start reconciles
        }
    }

    private void reconcile() {
        try {
            List<String> synced = reconciler.reconcile();
            if (!synced.isEmpty()) {
                LOG.info("Cron sync submitted to {} host(s)", synced.size());
            }
        } catch (RuntimeException e) {
            LOG.warn("Cron reconciliation failed; retried in the next pass", e);
        }
    }
}
