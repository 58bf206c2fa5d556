package dev.orrery.agent.api;

import java.util.Map;
import java.util.Objects;

/**
 * One task as it reached this host.
 *
 * @param taskId the task id (also in {@code ORRERY_TASK_ID})
 * @param hostId this host's id (also in {@code ORRERY_HOST_ID})
 * @param type the task type
 * @param params handler parameters, never {@code null}
 * @param body opaque content, never {@code null}
 * @param timeoutSeconds how long the task may run; 0 or less means the handler's default
 */
public record TaskRequest(String taskId, String hostId, String type, Map<String, String> params, byte[] body,
        int timeoutSeconds) {
    public TaskRequest {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(type, "type");
        params = Map.copyOf(params);
        body = body == null ? new byte[0] : body;
    }

    /**
     * @param name a parameter name
     * @param fallback value when absent or blank
     * @return the parameter or the fallback
     */
    public String param(String name, String fallback) {
        String v = params.get(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
