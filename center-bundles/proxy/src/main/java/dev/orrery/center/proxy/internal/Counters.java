package dev.orrery.center.proxy.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What the proxy ignored, repeated or deferred since it started. Thread-safe. */
final class Counters {
    /** Acks for a host task the store does not know (unknown task, or a host it does not cover), or of a kind the center does not take. */
    final AtomicLong ignoredAcks = new AtomicLong();
    /** Acks that would not move their host task forward (late, repeated, or after its end). */
    final AtomicLong staleAcks = new AtomicLong();
    /** Results for a host task the store does not know, or with a state that is not final: acknowledged, never stored. */
    final AtomicLong ignoredResults = new AtomicLong();
    /** Results for a host task that already had its final state: acknowledged again, not stored again. */
    final AtomicLong duplicateResults = new AtomicLong();
    /** Host tasks sent again because their Ack RECEIVED did not arrive in time. */
    final AtomicLong resends = new AtomicLong();
    /** Results answered Ack QUEUED: they arrived while the recorder was more than a second behind. */
    final AtomicLong queuedAcks = new AtomicLong();

    /** @return every counter by name, in a fixed order */
    Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("ignoredAcks", ignoredAcks.get());
        m.put("staleAcks", staleAcks.get());
        m.put("ignoredResults", ignoredResults.get());
        m.put("duplicateResults", duplicateResults.get());
        m.put("resends", resends.get());
        m.put("queuedAcks", queuedAcks.get());
        return m;
    }
}
