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
 */
public record HostTaskRecord(String taskId, String hostId, HostTaskState state, Integer exitCode, String stdout,
        String stderr, boolean truncated, ErrorCode error, String errorMessage, String channel, long updatedAt) {
}
