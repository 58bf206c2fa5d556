package dev.orrery.center.store;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Cron jobs: the desired state the center syncs to the agents. Deleted jobs are kept, marked,
 * so the hosts they ran on are still known (their desired set shrank). Thread-safe; durable
 * when a method returns.
 *
 * @since 0.7
 */
@ProviderType
public interface CronStore {

    /**
     * @param job a new job
     * @throws IllegalStateException if a job with its id exists
     */
    void create(CronJobRecord job);

    /**
     * @param cronId a job id
     * @return the job, deleted or not, if known
     */
    Optional<CronJobRecord> get(String cronId);

    /**
     * @param includeDeleted whether deleted jobs are listed too
     * @return jobs ordered by creation time, then id
     */
    List<CronJobRecord> list(boolean includeDeleted);

    /**
     * Marks a job deleted.
     *
     * @param cronId a job id
     * @param now epoch ms
     * @return whether a live job was deleted now
     */
    boolean delete(String cronId, long now);
}
