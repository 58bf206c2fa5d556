package dev.orrery.center.cron;

/**
 * One run of a job on one host, as the agent reported it.
 *
 * @param cursor its position in the data store (page with it)
 * @param hostId the host
 * @param startedAt epoch ms
 * @param finishedAt epoch ms
 * @param exitCode exit code, -1 where there is none
 * @param output what it printed (stdout then stderr), cut at the agent's cap
 * @param error {@code null} on success, else {@code CODE: message} (such as {@code SKIPPED: …} or {@code HANDLER_MISSING: …})
 */
public record CronRun(long cursor, String hostId, long startedAt, long finishedAt, int exitCode, String output, String error) {
}
