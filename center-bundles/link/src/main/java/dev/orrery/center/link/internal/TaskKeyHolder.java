package dev.orrery.center.link.internal;

import dev.orrery.center.link.TaskSigningKey;
import java.util.function.Supplier;

/**
 * The center's task-signing public key as the link knows it: bound dynamically from the proxy's
 * {@link TaskSigningKey} service (the link's feature resolves without the proxy), or fixed (tests).
 * {@link #get()} is {@code null} while the service is missing: registrations are then refused and
 * the agents retry, so no agent is welcomed without the key it must pin. Thread-safe.
 */
final class TaskKeyHolder implements Supplier<byte[]> {
    private volatile TaskSigningKey service;
    private volatile byte[] key;

    private TaskKeyHolder(byte[] key) {
        this.key = key;
    }

    /** @return a holder waiting for the service */
    static TaskKeyHolder awaiting() {
        return new TaskKeyHolder(null);
    }

    /** @param key a fixed key, {@code null} for none (welcomes then carry an empty key) @return the holder */
    static TaskKeyHolder fixed(byte[] key) {
        return new TaskKeyHolder(key == null ? new byte[0] : key.clone());
    }

    /** @param s the service that appeared */
    void bind(TaskSigningKey s) {
        key = s.publicKey().clone();
        service = s;
    }

    /** @param s the service that went away */
    synchronized void unbind(TaskSigningKey s) {
        if (service == s) {
            service = null;
            key = null;
        }
    }

    /** @return the key to welcome agents with, or {@code null} while none is available */
    @Override
    public byte[] get() {
        return key;
    }
}
