package dev.orrery.center.rest.internal;

import dev.orrery.center.store.ApiAccount;
import java.security.Principal;
import javax.ws.rs.core.SecurityContext;

/** The security context of a request whose signature was verified: the principal is the key id. */
final class AccountContext implements SecurityContext {
    /** The authentication scheme reported to resources. */
    static final String SCHEME = "ORRERY-HMAC-SHA256";

    private final ApiAccount account;
    private final boolean secure;

    AccountContext(ApiAccount account, boolean secure) {
        this.account = account;
        this.secure = secure;
    }

    /** @return the verified account (its secret included: never show or log it) */
    ApiAccount account() {
        return account;
    }

    @Override
    public Principal getUserPrincipal() {
        String keyId = account.keyId();
        return () -> keyId;
    }

    @Override
    public boolean isUserInRole(String role) {
        return role != null && role.equals(account.role());
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return SCHEME;
    }
}
