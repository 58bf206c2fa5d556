package dev.orrery.center.store;

import dev.orrery.api.TaskState;
import java.util.Map;
import java.util.Objects;

/**
 * A task as persisted.
 *
 * @param taskId id
 * @param type task type
 * @param createdBy key id of the API account (or shell user) that created it
 * @param createdAt epoch ms
 * @param timeoutSeconds per-host timeout
 * @param params handler parameters
 * @param body opaque content, never {@code null}
 * @param state the task state
 */
public record TaskRecord(String taskId, String type, String createdBy, long createdAt, int timeoutSeconds,
        Map<String, String> params, byte[] body, TaskState state) {
    public TaskRecord {
        Objects.requireNonNull(taskId, "taskId");
        params = Map.copyOf(params);
        body = body == null ? new byte[0] : body;
    }
}
