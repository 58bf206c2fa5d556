package dev.orrery.agent.accounts.internal;

import dev.orrery.agent.api.TaskRefused;
import dev.orrery.api.ErrorCode;

/** Why an account operation stopped: invalid parameters ({@code BAD_TASK}) or a failed step ({@code ACCOUNT_FAILED}). */
final class Failure extends TaskRefused {
    private static final long serialVersionUID = 1L;

    private Failure(ErrorCode code, String message) {
        super(code, message);
    }

    /** @return a refusal of invalid parameters */
    static Failure badTask(String message) {
        return new Failure(ErrorCode.BAD_TASK, message);
    }

    /**
     * @param step the step that failed (a tool name or a file operation)
     * @param detail what the tool said or why
     * @return a failed step
     */
    static Failure step(String step, String detail) {
        return new Failure(ErrorCode.ACCOUNT_FAILED, "step " + step + " failed: " + detail);
    }
}
