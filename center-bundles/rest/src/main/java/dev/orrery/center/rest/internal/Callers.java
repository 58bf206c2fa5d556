package dev.orrery.center.rest.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.store.ApiAccount;
import javax.ws.rs.core.SecurityContext;

/** Who is calling, as the signature filter established it. */
final class Callers {
    private Callers() {
    }

    /**
     * @param security the request's security context
     * @return the verified key id
     * @throws OrreryException {@code UNAUTHENTICATED} if the request was not verified
     */
    static String keyId(SecurityContext security) {
        if (security == null || !AccountContext.SCHEME.equals(security.getAuthenticationScheme())
                || security.getUserPrincipal() == null) {
            throw new OrreryException(ErrorCode.UNAUTHENTICATED, "the request is not signed");
        }
        return security.getUserPrincipal().getName();
    }

    /**
     * @param security the request's security context
     * @return the verified account (never show or log its secret)
     * @throws OrreryException {@code UNAUTHENTICATED} if the request was not verified
     */
    static ApiAccount account(SecurityContext security) {
        if (security instanceof AccountContext context) {
            return context.account();
        }
        throw new OrreryException(ErrorCode.UNAUTHENTICATED, "the request is not signed");
    }
}
