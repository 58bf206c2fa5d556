package dev.orrery.agent.cmd.internal;

import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.api.ErrorCode;

/** A task that cannot be run as asked; becomes a failed outcome with its code. */
final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient ErrorCode code;

    /**
     * @param code why
     * @param message human text for the result
     */
    Refused(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** @return the failed outcome to report */
    TaskOutcome outcome() {
        return TaskOutcome.failed(code, getMessage());
    }

    /** @return the error code */
    ErrorCode code() {
        return code;
    }
}
