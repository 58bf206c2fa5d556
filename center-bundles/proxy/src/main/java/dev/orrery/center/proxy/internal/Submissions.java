package dev.orrery.center.proxy.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.api.TaskTypes;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** Checks a submission before anything is resolved or persisted. Stateless. */
final class Submissions {
    /** The task types this center accepts now. */
    static final List<String> KNOWN_TYPES = List.of(TaskTypes.CMD, TaskTypes.HOSTINFO, TaskTypes.ACCOUNTS, TaskTypes.STORE,
            TaskTypes.ACTION, TaskTypes.CRON, TaskTypes.PLUGIN);
    private static final Set<String> KNOWN = Set.copyOf(KNOWN_TYPES);

    private Submissions() {
    }

    /**
     * @param s the submission
     * @param settings limits
     * @return the effective per-host timeout in seconds ({@code 0} asks for the default)
     * @throws OrreryException {@code INVALID_REQUEST}, {@code COMMAND_TOO_LARGE} or {@code NO_TARGET}
     */
    static int check(TaskSubmission s, ProxySettings settings) {
        if (s == null) {
            throw new OrreryException(ErrorCode.INVALID_REQUEST, "no task given");
        }
        if (!KNOWN.contains(s.type())) {
            throw new OrreryException(ErrorCode.INVALID_REQUEST,
                    "unknown task type '" + s.type() + "'; known types: " + String.join(", ", KNOWN_TYPES));
        }
        if (TaskTypes.CMD.equals(s.type())) {
            String command = s.params().get("command");
            if (command == null || command.isBlank()) {
                throw new OrreryException(ErrorCode.INVALID_REQUEST, "command is required and must not be blank");
            }
            int bytes = command.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > TaskService.MAX_COMMAND_BYTES) {
                throw new OrreryException(ErrorCode.COMMAND_TOO_LARGE,
                        "command is " + bytes + " bytes; the limit is " + TaskService.MAX_COMMAND_BYTES + " bytes");
            }
        }
        int timeout = s.timeoutSeconds() == 0 ? settings.defaultTimeoutSeconds() : s.timeoutSeconds();
        if (timeout < 1 || timeout > settings.maxTimeoutSeconds()) {
            throw new OrreryException(ErrorCode.INVALID_REQUEST,
                    "timeoutSeconds must be between 1 and " + settings.maxTimeoutSeconds() + ", was " + s.timeoutSeconds());
        }
        if (s.targets().isEmpty()) {
            throw new OrreryException(ErrorCode.NO_TARGET, "no targets: name at least one host or group");
        }
        return timeout;
    }
}
