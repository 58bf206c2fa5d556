package dev.orrery.center.security;

import java.util.List;

/**
 * What a new API account should be, as an administrator asks for it.
 *
 * @param name a human name, unique, 1 to 64 characters {@code [A-Za-z0-9._@-]}
 * @param role {@code admin}, {@code operator} or {@code viewer}
 * @param groups host groups the account may target and see; empty means every host
 * @param taskTypes task types it may start; empty means every type
 * @param commandMapping whether it must write every program as its alias
 * @param permissions permissions beyond its role's, in Shiro wildcard syntax (e.g. {@code cmd:highrisk})
 */
public record AccountSpec(String name, String role, List<String> groups, List<String> taskTypes, boolean commandMapping,
        List<String> permissions) {
    public AccountSpec {
        groups = groups == null ? List.of() : List.copyOf(groups);
        taskTypes = taskTypes == null ? List.of() : List.copyOf(taskTypes);
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
    }
}
