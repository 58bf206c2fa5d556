package dev.orrery.center.store;

import java.util.List;
import java.util.Objects;

/**
 * An API account: the key id that signs requests, the secret it signs with, its role and scope.
 *
 * @param keyId public key id, sent in {@code X-Orrery-Key}
 * @param secret the shared signing secret in plain text (the store keeps it sealed with the
 *     {@link MasterKey}); never logged, never returned by the API after creation
 * @param name a human name, unique
 * @param role {@code admin}, {@code operator} or {@code viewer}
 * @param enabled whether it may call the API
 * @param createdAt epoch ms
 * @param groups host groups the account may target; empty means every host
 * @param taskTypes task types the account may submit; empty means every type
 * @param commandMapping whether the account must write programs as its aliases
 * @param permissions permissions beyond its role's (Shiro wildcard syntax, e.g. {@code cmd:highrisk})
 */
public record ApiAccount(String keyId, String secret, String name, String role, boolean enabled, long createdAt,
        List<String> groups, List<String> taskTypes, boolean commandMapping, List<String> permissions) {
    public ApiAccount {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(secret, "secret");
        groups = groups == null ? List.of() : List.copyOf(groups);
        taskTypes = taskTypes == null ? List.of() : List.copyOf(taskTypes);
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
    }

    /** An unscoped account without mapping or extra permissions. */
    public ApiAccount(String keyId, String secret, String name, String role, boolean enabled, long createdAt) {
        this(keyId, secret, name, role, enabled, createdAt, List.of(), List.of(), false, List.of());
    }

    @Override
    public String toString() {
        return "ApiAccount[keyId=" + keyId + ", name=" + name + ", role=" + role + ", enabled=" + enabled + ", groups=" + groups
                + ", taskTypes=" + taskTypes + ", commandMapping=" + commandMapping + ", permissions=" + permissions + "]";
    }
}
