package dev.orrery.center.rest.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Remembers used nonces until the request that carried them could no longer pass the skew
 * check, so a replay inside the window is recognised. Bounded: when full of live entries it
 * refuses new ones (failing closed) rather than forgetting a nonce early. Thread-safe.
 */
final class NonceCache {

    /** The outcome of {@link #use}. */
    enum Use { FRESH, REPLAYED, FULL }

    private record Entry(long expiresAt, String key) {
    }

    private final int capacity;
    private final Map<String, Long> expiries = new HashMap<>();
    private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>((a, b) -> Long.compare(a.expiresAt, b.expiresAt));

    NonceCache(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Records a nonce as used.
     *
     * @param key the account's key id and the nonce, as one string
     * @param expiresAt epoch ms after which the nonce may be forgotten
     * @param now epoch ms
     * @return whether it was fresh, already used, or could not be recorded
     */
    synchronized Use use(String key, long expiresAt, long now) {
        purge(now);
        Long known = expiries.get(key);
        if (known != null) {
            return Use.REPLAYED;
        }
        if (expiries.size() >= capacity) {
            return Use.FULL;
        }
        expiries.put(key, expiresAt);
        byExpiry.add(new Entry(expiresAt, key));
        return Use.FRESH;
    }

    /** @return how many nonces are remembered */
    synchronized int size() {
        return expiries.size();
    }

    private void purge(long now) {
        while (!byExpiry.isEmpty() && byExpiry.peek().expiresAt < now) {
            expiries.remove(byExpiry.poll().key);
        }
    }
}
