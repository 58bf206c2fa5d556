package dev.orrery.center.cron;

import dev.orrery.center.store.CronJobRecord;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Cron jobs. A job is stored at the center and synced, as part of each host's full set of jobs,
 * to the agents of its hosts (task type {@code cron}, {@code op=sync}); the agents run it on
 * schedule, also while the center is away, and publish every run on the data channel topic
 * {@code orrery.cron.<cronId>}. The center compares each online host's reported set (its status
 * section {@code cron}) with the desired one every few seconds and syncs hosts that differ.
 * Thread-safe.
 */
@ProviderType
public interface CronService {

    /**
     * Validates and stores a job; its hosts are synced within seconds.
     *
     * @param request the job
     * @return the stored job
     * @throws dev.orrery.api.OrreryException {@code INVALID_REQUEST} (schedule, time zone, kind or
     *     spec, with the reason), {@code NO_TARGET}, {@code UNKNOWN_TARGET}, {@code OUT_OF_SCOPE},
     *     {@code CMD_HIGH_RISK} (a high-risk command cannot be scheduled), {@code COMMAND_TOO_LARGE},
     *     {@code CONTENT_TOO_LARGE}
     */
    CronJobRecord create(CronRequest request);

    /** @return the live jobs, oldest first */
    List<CronJobRecord> list();

    /**
     * @param cronId a job id
     * @return the job, live or deleted ({@link CronJobRecord#live()}), if known
     */
    Optional<CronJobRecord> get(String cronId);

    /**
     * Deletes a job; its hosts are synced within seconds and stop running it.
     *
     * @param cronId a job id
     * @return whether a live job was deleted
     */
    boolean delete(String cronId);

    /**
     * @param cronId a job id (deleted jobs' runs stay readable)
     * @param after a cursor from a previous page, 0 for the start
     * @param limit most runs
     * @param hostIds only runs of these hosts (the caller's scope), {@code null} for all
     * @return the runs after the cursor
     */
    RunPage runs(String cronId, long after, int limit, Collection<String> hostIds);
}
