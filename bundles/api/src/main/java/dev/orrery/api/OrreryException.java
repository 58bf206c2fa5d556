package dev.orrery.api;

import java.util.List;

/**
 * A failure with an {@link ErrorCode}. The message is meant for the client: it must name what
 * was wrong (and, for targets, every offending value) and never carries internals such as
 * stack traces or SQL. {@code details} lists offending values where there are several.
 */
public class OrreryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final List<String> details;

    /**
     * @param code the catalogue code
     * @param message a client-safe explanation
     */
    public OrreryException(ErrorCode code, String message) {
        this(code, message, List.of(), null);
    }

    /**
     * @param code the catalogue code
     * @param message a client-safe explanation
     * @param details offending values (for example every unknown target), never {@code null}
     */
    public OrreryException(ErrorCode code, String message, List<String> details) {
        this(code, message, details, null);
    }

    /**
     * @param code the catalogue code
     * @param message a client-safe explanation
     * @param details offending values, never {@code null}
     * @param cause the underlying failure, logged but never shown to clients
     */
    public OrreryException(ErrorCode code, String message, List<String> details, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.details = List.copyOf(details);
    }

    /** @return the catalogue code */
    public ErrorCode code() {
        return code;
    }

    /** @return offending values, possibly empty */
    public List<String> details() {
        return details;
    }
}
