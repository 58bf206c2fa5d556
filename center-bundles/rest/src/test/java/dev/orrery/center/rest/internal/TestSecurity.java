package dev.orrery.center.rest.internal;

import dev.orrery.center.security.internal.AliasCommandMapping;
import dev.orrery.center.security.internal.DefaultAccountService;
import dev.orrery.center.security.internal.ShiroAuthorizer;
import dev.orrery.center.store.AccountStore;

/** The real security components over a (fake) account store, as the center wires them. */
final class TestSecurity {
    private TestSecurity() {
    }

    /** @return the security with no rate limit */
    static ApiSecurity of(AccountStore accounts) {
        return of(accounts, RateLimiter.NONE);
    }

    static ApiSecurity of(AccountStore accounts, RateLimiter limiter) {
        ShiroAuthorizer authorizer = new ShiroAuthorizer();
        return new ApiSecurity(new DefaultAccountService(accounts, authorizer), authorizer, new AliasCommandMapping(accounts), limiter);
    }
}
