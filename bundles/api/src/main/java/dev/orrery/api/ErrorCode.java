package dev.orrery.api;

/**
 * The catalogue of error codes. Each code belongs to exactly one {@link Layer} and maps to an
 * HTTP status where it can reach a REST client. Codes are stable: clients may match on
 * {@link #name()}; the human text lives in the accompanying message, not here.
 * {@code docs/error-codes.md} documents every entry.
 */
public enum ErrorCode {
    // ---- proxy: the center's API, validation and dispatch
    /** The request is not authenticated: missing, unknown or badly signed, replayed or skewed. */
    UNAUTHENTICATED(Layer.PROXY, 401),
    /** The body is not well-formed JSON. */
    MALFORMED_JSON(Layer.PROXY, 400),
    /** A field is missing, has the wrong type, or an invalid value. */
    INVALID_REQUEST(Layer.PROXY, 400),
    /** One or more targets do not name a known host or group; nothing was dispatched. */
    UNKNOWN_TARGET(Layer.PROXY, 400),
    /** The request names no target at all. */
    NO_TARGET(Layer.PROXY, 400),
    /** The command text exceeds the allowed size (64 KiB). */
    COMMAND_TOO_LARGE(Layer.PROXY, 413),
    /** The request body exceeds the allowed size. */
    BODY_TOO_LARGE(Layer.PROXY, 413),
    /** The content type of the request is not JSON. */
    UNSUPPORTED_MEDIA_TYPE(Layer.PROXY, 415),
    /** The path or resource does not exist. */
    NOT_FOUND(Layer.PROXY, 404),
    /** The HTTP method is not supported on this path. */
    METHOD_NOT_ALLOWED(Layer.PROXY, 405),
    /** The task is already finished and cannot change any more. */
    TASK_FINISHED(Layer.PROXY, 409),
    /** The host task was cancelled before it finished. */
    CANCELLED(Layer.PROXY, 200),
    /** The task's timeout passed before the host reported a result. */
    TIMED_OUT(Layer.PROXY, 200),
    /** An unexpected failure inside the center; the log has the details. */
    INTERNAL(Layer.PROXY, 500),
    /** The center's store is unavailable. */
    STORE_UNAVAILABLE(Layer.PROXY, 503),
    /** More submissions are waiting for the store than the center queues; nothing was created: try again shortly. */
    OVERLOADED(Layer.PROXY, 503),
    /** The account's role does not permit this call (the message names the permission). */
    FORBIDDEN(Layer.PROXY, 403),
    /** Targets or the task type lie outside the account's scope; {@code details} names them; nothing was dispatched. */
    OUT_OF_SCOPE(Layer.PROXY, 403),
    /** The command matches a high-risk rule of the guard (the message names the rule); nothing was dispatched. */
    CMD_HIGH_RISK(Layer.PROXY, 403),
    /** The account must write programs as its aliases (command mapping) and sent a raw program name. */
    CMD_UNMAPPED(Layer.PROXY, 403),
    /** The account sent more requests per second than it may; retry after the {@code Retry-After} header. */
    RATE_LIMITED(Layer.PROXY, 429),
    /** The thing to create exists already (an account name, for example). */
    ALREADY_EXISTS(Layer.PROXY, 409),
    /** The request names more targets than one request may. */
    TOO_MANY_TARGETS(Layer.PROXY, 413),
    /** The host's credential was revoked ({@code orrery:agent-revoke}); nothing is sent to it. */
    HOST_REVOKED(Layer.PROXY, 200),
    /** An enrollment was refused: unknown, expired or used-up token, or a revoked host. */
    ENROLL_REFUSED(Layer.PROXY, 403),
    /** A script, file or other content carried in the request is over its size limit. */
    CONTENT_TOO_LARGE(Layer.PROXY, 413),
    /** The named host, cron job or other resource is in a state that does not allow the call. */
    CONFLICT(Layer.PROXY, 409),
    /** An uploaded plugin bundle was refused: not a jar, no valid OSGi manifest, a header missing or bad, an unsafe entry name (the message says which). */
    PLUGIN_INVALID(Layer.PROXY, 400),

    // ---- channel: the relay tier
    /** No channel currently holds a connection to the host. */
    HOST_OFFLINE(Layer.CHANNEL, 200),
    /** The channel that held the host's connection went away while the task was in flight. */
    CHANNEL_LOST(Layer.CHANNEL, 200),
    /** The channel could not deliver the task to the agent. */
    DELIVERY_FAILED(Layer.CHANNEL, 200),

    // ---- agent: the agent process
    /** No handler for the task's type is installed on the agent (capability absent or stopped). */
    HANDLER_MISSING(Layer.AGENT, 200),
    /** The task as received is malformed (missing parameters, bad values). */
    BAD_TASK(Layer.AGENT, 200),
    /** The handler failed unexpectedly; the agent log has the details. */
    HANDLER_FAILED(Layer.AGENT, 200),
    /**
     * The agent restarted while the task ran and its handler cannot re-attach to it; the task is
     * not run again (at most once), so its outcome is unknown.
     */
    INTERRUPTED(Layer.AGENT, 200),
    /** The task carried no center signature; the agent runs only tasks the center signed. */
    TASK_UNSIGNED(Layer.AGENT, 200),
    /** The task's signature does not match its content: it was altered on the way, or signed by another center. */
    TASK_SIGNATURE_INVALID(Layer.AGENT, 200),
    /** The task's signed expiry passed before it reached the agent. */
    TASK_EXPIRED(Layer.AGENT, 200),
    /** The task was delivered again after its result had been stored, or it names another host: a replay. */
    TASK_REPLAYED(Layer.AGENT, 200),
    /** The agent's own high-risk guard refused the command (the message names the rule). */
    GUARD_REFUSED(Layer.AGENT, 200),
    /** The content received does not match the digest the center signed (corrupted or altered). */
    DIGEST_MISMATCH(Layer.AGENT, 200),
    /** The agent's watchdog sheds work: the agent is over its own CPU or memory cap. */
    AGENT_OVERLOADED(Layer.AGENT, 200),
    /** An {@code action} tree failed: the message names the step that decided it. */
    ACTION_FAILED(Layer.AGENT, 200),
    /** A plugin failed to install, resolve, start or run; an install that failed was rolled back to the previous version (the message says which). */
    PLUGIN_FAILED(Layer.AGENT, 200),
    /** The plugin (or the version) asked for is not installed on the host. */
    PLUGIN_MISSING(Layer.AGENT, 200),

    // ---- environment: the host itself
    /** The user to run as does not exist on the host or cannot be switched to. */
    RUN_AS_FAILED(Layer.ENVIRONMENT, 200),
    /** The working directory does not exist or is not a directory. */
    WORKDIR_INVALID(Layer.ENVIRONMENT, 200),
    /** The process could not be started (shell missing, resources exhausted). */
    SPAWN_FAILED(Layer.ENVIRONMENT, 200),
    /** A host account could not be created, changed or removed (the message names the tool and its error). */
    ACCOUNT_FAILED(Layer.ENVIRONMENT, 200),
    /** The command ran and exited with a non-zero code. */
    NONZERO_EXIT(Layer.ENVIRONMENT, 200);

    private final Layer layer;
    private final int httpStatus;

    ErrorCode(Layer layer, int httpStatus) {
        this.layer = layer;
        this.httpStatus = httpStatus;
    }

    /** @return the layer this code belongs to */
    public Layer layer() {
        return layer;
    }

    /**
     * @return the HTTP status a REST answer carrying this code uses; 200 for codes that only
     *     ever appear inside a per-host result
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Looks a code up by name without throwing.
     *
     * @param name a code name as sent on the wire, may be {@code null}
     * @return the code, or {@link #INTERNAL} for a name this version does not know
     */
    public static ErrorCode parse(String name) {
        if (name == null) {
            return INTERNAL;
        }
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            return INTERNAL;
        }
    }
}
