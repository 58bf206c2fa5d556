package dev.orrery.agent.api;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The end of one execution.
 *
 * @param state a final state
 * @param exitCode the exit code, -1 where there is none
 * @param stdout captured output, never {@code null}
 * @param stderr captured error output, never {@code null}
 * @param truncated whether output was cut at its cap
 * @param error the error code, {@code null} on success
 * @param errorMessage human text for the error, {@code null} on success
 */
public record TaskOutcome(HostTaskState state, int exitCode, byte[] stdout, byte[] stderr, boolean truncated,
        ErrorCode error, String errorMessage) {
    public TaskOutcome {
        Objects.requireNonNull(state, "state");
        if (!state.isFinal()) {
            throw new IllegalArgumentException("outcome state must be final: " + state);
        }
        stdout = stdout == null ? new byte[0] : stdout;
        stderr = stderr == null ? new byte[0] : stderr;
    }

    /**
     * @param stdout text output
     * @return a success with exit code 0
     */
    public static TaskOutcome succeeded(String stdout) {
        return new TaskOutcome(HostTaskState.SUCCEEDED, 0, stdout.getBytes(StandardCharsets.UTF_8), null, false, null, null);
    }

    /**
     * @param error why
     * @param message human text naming what failed
     * @return a failure without process output
     */
    public static TaskOutcome failed(ErrorCode error, String message) {
        return new TaskOutcome(HostTaskState.FAILED, -1, null, null, false, error, message);
    }
}
