package dev.orrery.center.store;

import dev.orrery.api.HostTaskState;
import java.util.Objects;

/**
 * What an agent reported about one host task, for {@link TaskStore#record}: an ack
 * ({@code RECEIVED}, {@code RUNNING}) or a final result.
 *
 * @param taskId the task
 * @param hostId the host
 * @param state {@code RECEIVED}, {@code RUNNING}, or the final state of {@code result}
 * @param channel the channel it came through, or {@code null} to keep the recorded one
 * @param at epoch ms when it arrived: the time recorded for the transition
 * @param result the outcome for a final state, {@code null} for an ack
 * @since 0.3
 */
public record Progress(String taskId, String hostId, HostTaskState state, String channel, long at, HostTaskRecord result) {

    public Progress {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(state, "state");
        if (state.isFinal() != (result != null) || result != null && result.state() != state) {
            throw new IllegalArgumentException("a final state needs its result, an ack none: " + state);
        }
        if (!state.isFinal() && state != HostTaskState.RECEIVED && state != HostTaskState.RUNNING) {
            throw new IllegalArgumentException("agents report RECEIVED, RUNNING or a final state, not " + state);
        }
    }

    /**
     * An ack.
     *
     * @param taskId the task
     * @param hostId the host
     * @param state {@code RECEIVED} or {@code RUNNING}
     * @param channel the channel
     * @param at epoch ms
     * @return the progress
     */
    public static Progress ack(String taskId, String hostId, HostTaskState state, String channel, long at) {
        return new Progress(taskId, hostId, state, channel, at, null);
    }

    /**
     * A final result.
     *
     * @param result the outcome (final state)
     * @param at epoch ms when it arrived
     * @return the progress
     */
    public static Progress result(HostTaskRecord result, long at) {
        return new Progress(result.taskId(), result.hostId(), result.state(), result.channel(), at, result);
    }

    /** What {@link TaskStore#record} did with one progress report. */
    public enum Outcome {
        /** It moved its host task forward (a result: stored now). */
        MOVED,
        /** Its host task exists but was already at or past it (a late ack, a duplicate result). */
        STALE,
        /** No such host task (unknown task, or a host the task does not cover). */
        UNKNOWN
    }
}
