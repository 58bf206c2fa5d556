package dev.orrery.agent.api;

import dev.orrery.api.ErrorCode;

/**
 * A task that cannot run as asked (bad parameters, a guard refusal, a failed step): thrown inside
 * a handler and turned into a failed {@link TaskOutcome} with its code and message. Carries no stack
 * trace: it is an answer, not a bug.
 */
public class TaskRefused extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient ErrorCode code;

    /**
     * @param code why, as reported
     * @param message human text for the result
     */
    public TaskRefused(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** @return the error code */
    public ErrorCode code() {
        return code;
    }

    /** @return the failed outcome to report */
    public TaskOutcome outcome() {
        return TaskOutcome.failed(code, getMessage());
    }
}
