package dev.orrery.center.store;

import java.util.Objects;

/**
 * An API account: the key id that signs requests and the secret it signs with.
 *
 * @param keyId public key id, sent in {@code X-Orrery-Key}
 * @param secret the shared signing secret; never logged, never returned by the API after creation
 * @param name a human name
 * @param role {@code admin}, {@code operator} or {@code viewer}
 * @param enabled whether it may call the API
 * @param createdAt epoch ms
 */
public record ApiAccount(String keyId, String secret, String name, String role, boolean enabled, long createdAt) {
    public ApiAccount {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "ApiAccount[keyId=" + keyId + ", name=" + name + ", role=" + role + ", enabled=" + enabled + "]";
    }
}
