package dev.orrery.center.store;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Tasks and host tasks. Transitions only move forward ({@link HostTaskState#canMoveTo}); a
 * late or duplicate update is ignored and reported as such. Thread-safe; durable when a method
 * returns.
 */
@ProviderType
public interface TaskStore {

    /**
     * Persists a task and one {@code PENDING} host task per host, atomically.
     *
     * @param task the task
     * @param hostIds its hosts, distinct, non-empty
     */
    default void create(TaskRecord task, List<String> hostIds) {
        createAll(List.of(new NewTask(task, hostIds, List.of())));
    }

    /**
     * Persists many tasks with their host tasks in one transaction with one commit (group
     * commit of submissions): all of them or, on an error, none. Host tasks named in a task's
     * {@link NewTask#dispatched} claims are created {@code DISPATCHED} through their channel,
     * with their resend time (as if {@link #dispatch(String, List)} had claimed them at once);
     * the others {@code PENDING}.
     *
     * <p>This and {@link #record} are for group-commit writers (one thread each writing batches
     * for many callers): they run on the few connections the store keeps for such writers.
     *
     * @param tasks the tasks, with distinct ids
     * @since 0.4
     */
    void createAll(List<NewTask> tasks);

    /**
     * @param taskId a task id
     * @return the task with its current state, if known
     */
    Optional<TaskRecord> get(String taskId);

    /**
     * @param taskId a task id
     * @return how many host tasks are in each state (every state present, zeros included)
     */
    Map<HostTaskState, Integer> counts(String taskId);

    /**
     * @param taskId a task id
     * @param state only host tasks in this state, {@code null} for all
     * @param offset rows to skip
     * @param limit most rows
     * @return host tasks ordered by hostId
     */
    List<HostTaskRecord> results(String taskId, HostTaskState state, int offset, int limit);

    /**
     * Moves a host task forward (not to a final state with output; use {@link #complete}).
     *
     * @param taskId the task
     * @param hostId the host
     * @param next the new state
     * @param channel the channel involved, or {@code null} to keep it
     * @return {@code true} if it moved; {@code false} if unknown or not a forward move
     */
    boolean advance(String taskId, String hostId, HostTaskState next, String channel);

    /**
     * Records a final outcome. Ignored if the host task is already final.
     *
     * @param result the outcome (state must be final)
     * @return {@code true} if recorded now; {@code false} for a duplicate or unknown host task
     */
    boolean complete(HostTaskRecord result);

    /**
     * Ends every non-final host task of a task in one final state. On {@code TIMED_OUT}, host
     * tasks that never left {@code PENDING} carry {@link ErrorCode#HOST_OFFLINE}, and
     * {@code DISPATCHED} ones flagged undelivered carry the reason they were flagged with
     * ({@link ErrorCode#CHANNEL_LOST} or {@link ErrorCode#DELIVERY_FAILED}).
     *
     * @param taskId the task
     * @param state {@code CANCELLED} or {@code TIMED_OUT}
     * @param error the code recorded on each (other)
     * @param message the text recorded on each
     * @return the host ids that were ended now
     */
    List<String> endUnfinished(String taskId, HostTaskState state, ErrorCode error, String message);

    /**
     * Host tasks waiting for dispatch ({@code PENDING}) on these hosts, oldest first.
     *
     * @param hostIds hosts that just came online
     * @return their pending host tasks
     */
    List<HostTaskRecord> pendingFor(Collection<String> hostIds);

    /**
     * Tasks not yet {@code DONE} whose creation plus timeout is before {@code now}.
     *
     * @param now epoch ms
     * @return their ids
     */
    List<String> expired(long now);

    /**
     * Flags a {@code DISPATCHED} host task that its channel could not deliver. It stays
     * {@code DISPATCHED} (states only move forward) and is offered again by
     * {@link #undeliveredFor} when the host comes back.
     *
     * @param taskId the task
     * @param hostId the host
     * @return {@code true} if it was {@code DISPATCHED} and is now flagged
     */
    boolean markUndelivered(String taskId, String hostId);

    /**
     * As {@link #markUndelivered(String, String)}, recording why: the error the host task ends
     * with if it times out before it is delivered.
     *
     * @param taskId the task
     * @param hostId the host
     * @param reason {@link ErrorCode#CHANNEL_LOST} or {@link ErrorCode#DELIVERY_FAILED}
     * @return {@code true} if it was {@code DISPATCHED} and is now flagged
     * @since 0.2
     */
    boolean markUndelivered(String taskId, String hostId, ErrorCode reason);

    /**
     * Flags every {@code DISPATCHED} host task last sent through a channel, when that channel
     * went away before the agents acknowledged receipt. Agents run a task id at most once, so
     * sending one again is safe.
     *
     * @param channelId the lost channel
     * @return how many host tasks were flagged
     */
    int markUndeliveredOnChannel(String channelId);

    /**
     * Flagged host tasks (see {@link #markUndelivered}) on these hosts, oldest first.
     *
     * @param hostIds hosts that just came online
     * @return their undelivered host tasks
     */
    List<HostTaskRecord> undeliveredFor(Collection<String> hostIds);

    /**
     * Claims a flagged host task for sending again: clears the flag and records the channel.
     * Exactly one of several concurrent callers wins.
     *
     * @param taskId the task
     * @param hostId the host
     * @param channel the channel it is sent through now
     * @return {@code true} if this caller claimed it and must send it
     */
    boolean redispatch(String taskId, String hostId, String channel);

    /**
     * As {@link #redispatch(String, String, String)}, with the time to send it again if no
     * {@code Ack RECEIVED} arrives by then.
     *
     * @param taskId the task
     * @param hostId the host
     * @param channel the channel it is sent through now
     * @param resendAt epoch ms
     * @return {@code true} if this caller claimed it and must send it
     * @since 0.2
     */
    boolean redispatch(String taskId, String hostId, String channel, long resendAt);

    /**
     * Moves a {@code PENDING} host task to {@code DISPATCHED} through a channel (as
     * {@link #advance}) and records when to send it again if no {@code Ack RECEIVED} arrives.
     *
     * @param taskId the task
     * @param hostId the host
     * @param channel the channel
     * @param resendAt epoch ms
     * @return {@code true} if this caller moved it and must send it
     * @since 0.2
     */
    boolean dispatch(String taskId, String hostId, String channel, long resendAt);

    /**
     * Claims many {@code PENDING} host tasks of one task for their first send, in one
     * transaction (as {@link #dispatch(String, String, String, long)} for each). Of several
     * concurrent claims of one host task exactly one wins.
     *
     * @param taskId the task
     * @param claims the host tasks, each host once
     * @return the claims this caller won, in the order given: it must send exactly these
     * @since 0.3
     */
    List<DispatchClaim> dispatch(String taskId, List<DispatchClaim> claims);

    /**
     * Records many acks and results in one transaction with one commit (group commit), as if
     * each were applied in the order given with {@link #advance} or {@link #complete}: per host
     * task only forward moves count, and a host task that moves several times within the list
     * is written once, to its last state, keeping the time of every transition (the
     * {@link Progress#at} of the report that made it). Durable when it returns; nothing is
     * recorded if it throws.
     *
     * @param progress the reports, in arrival order
     * @return what happened to each report, in the same order
     * @since 0.3
     */
    List<Progress.Outcome> record(List<Progress> progress);

    /**
     * {@code DISPATCHED} host tasks whose resend time has passed (indexed), oldest first.
     *
     * @param now epoch ms
     * @param limit most rows
     * @return the host tasks due
     * @since 0.2
     */
    List<Resend> dueForResend(long now, int limit);

    /**
     * Claims a due host task (see {@link #dueForResend}); of several callers that read the same
     * {@code sends}, exactly one wins.
     *
     * @param taskId the task
     * @param hostId the host
     * @param sends the count read with it
     * @param channel the channel it is sent through now, or {@code null} when its host is
     *     offline (it is then flagged undelivered and sent when the host comes back)
     * @param resendAt epoch ms of the next attempt
     * @return {@code true} if this caller claimed it (and must send it, given a channel)
     * @since 0.2
     */
    boolean claimResend(String taskId, String hostId, int sends, String channel, long resendAt);

    /**
     * @param taskId a task
     * @param hostId a host
     * @return the state of that host task, empty if the task does not cover the host
     * @since 0.2
     */
    Optional<HostTaskState> stateOf(String taskId, String hostId);

    /**
     * A host task due to be sent again.
     *
     * @param taskId the task
     * @param hostId the host
     * @param channel the channel it was last sent through
     * @param sends how many times it was sent
     * @param undelivered whether it is flagged undelivered
     */
    record Resend(String taskId, String hostId, String channel, int sends, boolean undelivered) {
    }
}
