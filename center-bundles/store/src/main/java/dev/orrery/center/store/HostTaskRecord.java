package dev.orrery.center.store;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;

/**
 * One task on one host.
 *
 * @param taskId the task
 * @param hostId the host
 * @param state current state
 * @param exitCode exit code, {@code null} until known
 * @param stdout captured output as UTF-8 text (malformed bytes replaced), empty until known
 * @param stderr captured error output, empty until known
 * @param truncated whether output was cut at its cap
 * @param error error code, {@code null} unless failed
 * @param errorMessage human text, {@code null} unless failed
 * @param channel channel it was dispatched through, {@code null} before dispatch
 * @param updatedAt epoch ms of the last transition
 * @param timestamps when each transition happened; {@link Timestamps#NONE} when not read
 */
public record HostTaskRecord(String taskId, String hostId, HostTaskState state, Integer exitCode, String stdout,
        String stderr, boolean truncated, ErrorCode error, String errorMessage, String channel, long updatedAt,
        Timestamps timestamps) {

    public HostTaskRecord {
        timestamps = timestamps == null ? Timestamps.NONE : timestamps;
    }

    /**
     * A record without transition times (as built from an agent's result).
     *
     * @param taskId the task
     * @param hostId the host
     * @param state current state
     * @param exitCode exit code or {@code null}
     * @param stdout output
     * @param stderr error output
     * @param truncated whether output was cut
     * @param error error code or {@code null}
     * @param errorMessage human text or {@code null}
     * @param channel channel or {@code null}
     * @param updatedAt epoch ms of the last transition
     */
    public HostTaskRecord(String taskId, String hostId, HostTaskState state, Integer exitCode, String stdout,
            String stderr, boolean truncated, ErrorCode error, String errorMessage, String channel, long updatedAt) {
        this(taskId, hostId, state, exitCode, stdout, stderr, truncated, error, errorMessage, channel, updatedAt,
                Timestamps.NONE);
    }

    /**
     * Epoch ms of each transition of a host task, {@code null} for one not reached. A host task
     * that was sent again keeps its first {@code dispatched} time unless it had been flagged
     * undelivered (then the time of the send that may have reached the agent).
     *
     * @param created when the host task was persisted
     * @param dispatched when it was sent to a channel
     * @param received when the agent acknowledged receipt
     * @param started when the agent started it
     * @param finished when its final state was recorded
     */
    public record Timestamps(Long created, Long dispatched, Long received, Long started, Long finished) {
        /** No time known. */
        public static final Timestamps NONE = new Timestamps(null, null, null, null, null);
    }
}
