package dev.orrery.center.proxy;

import dev.orrery.api.HostTaskState;
import dev.orrery.api.OrreryException;
import dev.orrery.center.store.HostTaskRecord;
import dev.orrery.center.store.TaskRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Starting, watching and cancelling tasks. Thread-safe. */
@ProviderType
public interface TaskService {
    /** The largest command text accepted, in bytes (64 KiB). */
    int MAX_COMMAND_BYTES = 64 * 1024;

    /**
     * Resolves the targets, persists the task and its host tasks, and dispatches to every host
     * that is online (the rest wait until they connect or the timeout passes). Nothing is
     * persisted or dispatched if any target is unknown.
     *
     * @param submission the task
     * @return the new task id and how many hosts it covers
     * @throws OrreryException {@code NO_TARGET}, {@code UNKNOWN_TARGET} (details list every
     *     unknown target), {@code INVALID_REQUEST}, {@code COMMAND_TOO_LARGE}, {@code OUT_OF_SCOPE}
     *     (details list every host or type outside the submitter's scope), {@code CMD_HIGH_RISK}
     */
    Accepted submit(TaskSubmission submission);

    /**
     * A dry run: every check {@link #submit} makes (targets, scope, the high-risk guard), and
     * nothing persisted or dispatched.
     *
     * @param submission the task
     * @return what would run on which hosts
     * @throws OrreryException as {@link #submit} would
     * @since 0.3
     */
    Plan plan(TaskSubmission submission);

    /**
     * @param taskId a task id
     * @return the task, if known
     */
    Optional<TaskRecord> task(String taskId);

    /**
     * @param taskId a task id
     * @return count per host-task state, every state present
     */
    Map<HostTaskState, Integer> counts(String taskId);

    /**
     * @param taskId a task id
     * @param state filter, {@code null} for all
     * @param offset rows to skip
     * @param limit most rows (capped at 1000)
     * @return host results ordered by hostId
     */
    List<HostTaskRecord> results(String taskId, HostTaskState state, int offset, int limit);

    /**
     * Cancels every unfinished host task: running processes are killed, the rest marked
     * {@code CANCELLED}.
     *
     * @param taskId a task id
     * @throws OrreryException {@code NOT_FOUND} for an unknown task, {@code TASK_FINISHED}
     *     for a task that is already {@code DONE}
     */
    void cancel(String taskId);

    /**
     * Counts of what the proxy ignored or repeated since it started: {@code ignoredAcks}
     * (acks for unknown host tasks), {@code staleAcks} (acks that would not move a host task
     * forward), {@code ignoredResults} (results for host tasks never asked for),
     * {@code duplicateResults} (results for host tasks already final), {@code resends}
     * (host tasks sent again for want of an Ack RECEIVED).
     *
     * @return counter name to value, in a fixed order
     * @since 0.2
     */
    Map<String, Long> counters();

    /**
     * @param taskId the new task's id
     * @param hosts how many hosts it covers
     */
    record Accepted(String taskId, int hosts) {
    }
}
