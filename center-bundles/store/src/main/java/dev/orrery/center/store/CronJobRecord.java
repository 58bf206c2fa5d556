package dev.orrery.center.store;

import java.util.List;
import java.util.Objects;

/**
 * One cron job as the center keeps it (see {@link CronStore}).
 *
 * @param cronId the job id
 * @param createdBy who created it (API key id or shell user)
 * @param hostIds the hosts it runs on, resolved from its targets when it was created
 * @param groups the host groups its targets named (informative: hosts joining a group later do not get the job)
 * @param schedule six-field cron schedule with seconds
 * @param timezone zone id the schedule is evaluated in
 * @param spread whether each host runs at its own offset within the period
 * @param kind the task type of each run: {@code cmd}, {@code store} or {@code plugin}
 * @param spec what each run does, JSON text: {@code cmd} {@code {"command"}}, {@code store}
 *     {@code {"content","interpreter","args"}}, {@code plugin} the plugin object
 * @param runAs the account runs use, {@code null} for the agent's
 * @param timeoutSeconds per-run timeout, 0 for the handler's default
 * @param version the job's version (1 when created)
 * @param createdAt epoch ms
 * @param deletedAt epoch ms it was deleted, 0 while it is live
 */
public record CronJobRecord(String cronId, String createdBy, List<String> hostIds, List<String> groups, String schedule,
        String timezone, boolean spread, String kind, String spec, String runAs, int timeoutSeconds, long version, long createdAt,
        long deletedAt) {
    public CronJobRecord {
        Objects.requireNonNull(cronId, "cronId");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(kind, "kind");
        hostIds = List.copyOf(hostIds);
        groups = groups == null ? List.of() : List.copyOf(groups);
        spec = spec == null ? "{}" : spec;
    }

    /** @return whether the job is live (not deleted) */
    public boolean live() {
        return deletedAt == 0;
    }
}
