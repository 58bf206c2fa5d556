package dev.orrery.bench.sim;

import dev.orrery.protocol.Backoff;
import dev.orrery.protocol.Message.Result;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The in-memory outbox of one simulated agent: results the center has not acknowledged STORED,
 * due for a resend on the real agent's jittered backoff (5 s doubling up to 60 s). Holds nothing
 * while empty. Not thread-safe: its agent's lock guards it.
 */
final class SimOutbox {
    private final RandomGenerator jitter;
    private Map<String, Result> pending;
    private Backoff resend;
    private long resendAt;

    SimOutbox(RandomGenerator jitter) {
        this.jitter = jitter;
    }

    /** @return the kept result of this task, or {@code null} */
    Result get(String taskId) {
        return pending == null ? null : pending.get(taskId);
    }

    /** Keeps a new result; the first one of an empty outbox starts the resend clock. */
    void add(Result r, long now) {
        if (pending == null) {
            pending = new HashMap<>(2);
            if (resend == null) {
                resend = new Backoff(SimConfig.RESEND_MIN_MILLIS, SimConfig.RESEND_MAX_MILLIS, jitter);
            }
            resendAt = now + resend.next();
        }
        pending.put(r.taskId(), r);
    }

    /** @return whether a kept result was dropped on its {@code Ack STORED} */
    boolean stored(String taskId) {
        if (pending == null || pending.remove(taskId) == null) {
            return false;
        }
        if (pending.isEmpty()) {
            pending = null;
            resend.reset();
        }
        return true;
    }

    /**
     * The center queued this result ({@code Ack QUEUED}): no timed resend for the real agent's
     * hold ({@code resendMaxMillis}). The simulated outbox holds all its results then, not only
     * this one; a simulated agent rarely has more than one in flight.
     */
    void queued(String taskId, long now) {
        if (pending != null && pending.containsKey(taskId)) {
            resendAt = Math.max(resendAt, now + SimConfig.RESEND_MAX_MILLIS);
        }
    }

    /** @return every kept result */
    Collection<Result> all() {
        return pending == null ? List.of() : pending.values();
    }

    /** @return the results to resend now (then the next resend is due after a longer delay), or none */
    Collection<Result> due(long now) {
        if (pending == null || now < resendAt) {
            return List.of();
        }
        resendAt = now + resend.next();
        return pending.values();
    }
}
