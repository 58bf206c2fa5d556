package dev.orrery.center.rest.internal;

import dev.orrery.center.security.AccountService;
import dev.orrery.center.security.Authorizer;
import dev.orrery.center.security.CommandMapping;
import java.util.Objects;

/**
 * The security services the API uses: accounts (the {@code /accounts} resource), the authorizer
 * (every resource method's {@link Permission}, high-risk confirmation, who sees all tasks), the
 * command mapping and the per-account rate limit.
 *
 * @param accounts account management
 * @param authorizer permissions
 * @param mapping alias expansion
 * @param rateLimiter requests per account
 */
record ApiSecurity(AccountService accounts, Authorizer authorizer, CommandMapping mapping, RateLimiter rateLimiter) {
    /** Who may read every task, not only the ones it created: admins ({@code *}), or an account granted it. */
    static final String ALL_TASKS = "alltasks:read";

    ApiSecurity {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(authorizer, "authorizer");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(rateLimiter, "rateLimiter");
    }
}
