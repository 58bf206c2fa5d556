package dev.orrery.center.proxy;

import java.util.Map;
import java.util.Objects;

/**
 * A task to start.
 *
 * @param type task type
 * @param targets where to run it
 * @param params handler parameters (for {@code cmd}: {@code command}, {@code runAs}, {@code cwd})
 * @param body opaque content, may be {@code null}
 * @param timeoutSeconds per-host timeout, positive
 * @param createdBy who asks (API key id or shell user)
 * @param scope what the submitter may reach
 * @param confirmHighRisk the submitter confirms a command the guard holds high-risk (needs
 *     {@link Scope#mayConfirmHighRisk()}; audited)
 */
public record TaskSubmission(String type, Targets targets, Map<String, String> params, byte[] body, int timeoutSeconds,
        String createdBy, Scope scope, boolean confirmHighRisk) {
    public TaskSubmission {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(targets, "targets");
        params = Map.copyOf(params);
        body = body == null ? new byte[0] : body;
        scope = scope == null ? Scope.ALL : scope;
    }

    /** An unrestricted submission without high-risk confirmation. */
    public TaskSubmission(String type, Targets targets, Map<String, String> params, byte[] body, int timeoutSeconds,
            String createdBy) {
        this(type, targets, params, body, timeoutSeconds, createdBy, Scope.ALL, false);
    }
}
