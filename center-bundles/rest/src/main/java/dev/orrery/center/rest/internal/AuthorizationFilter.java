package dev.orrery.center.rest.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.center.store.ApiAccount;
import java.lang.reflect.Method;
import java.util.List;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a request is matched to a resource method: takes a token from the caller's rate-limit
 * bucket (429 {@code RATE_LIMITED} with {@code Retry-After} when empty), then requires the
 * {@link Permission} the method declares (403 {@code FORBIDDEN} naming it). A method without
 * {@link Permission} is refused: a forgotten annotation fails closed. The plugin repository's reads
 * pass unsigned when the signature filter marked them public ({@link PublicRepository}). Runs after the
 * {@link SignatureFilter} (a pre-matching filter), so the caller is already verified.
 */
public final class AuthorizationFilter implements ContainerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationFilter.class);

    private final ApiSecurity security;
    @Context
    private ResourceInfo resource;

    AuthorizationFilter(ApiSecurity security) {
        this.security = security;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        Permission permission = method == null ? null : method.getAnnotation(Permission.class);
        if (permission == null) {
            LOG.error("Resource method {} declares no @Permission; refused", method);
            request.abortWith(ErrorResponses.of(ErrorCode.FORBIDDEN, "this resource declares no permission", List.of(), 403));
            return;
        }
        if (Permission.PUBLIC.equals(permission.value())) {
            return;
        }
        if (Boolean.TRUE.equals(request.getProperty(MarketPaths.PUBLIC_READ)) && method.isAnnotationPresent(PublicRepository.class)) {
            return; // an unsigned read of the plugin repository, which the setting publicRepository opens
        }
        SecurityContext context = request.getSecurityContext();
        if (!(context instanceof AccountContext caller)) {
            request.abortWith(ErrorResponses.of(ErrorCode.UNAUTHENTICATED, "the request is not signed"));
            return;
        }
        ApiAccount account = caller.account();
        long wait = security.rateLimiter().acquire(account.keyId());
        if (wait > 0) {
            request.abortWith(Response.fromResponse(ErrorResponses.of(ErrorCode.RATE_LIMITED, "too many requests from key '"
                    + account.keyId() + "'; retry in " + wait + " s")).header("Retry-After", Long.toString(wait)).build());
            return;
        }
        if (!security.authorizer().permitted(account, permission.value())) {
            request.abortWith(ErrorResponses.of(ErrorCode.FORBIDDEN, "this account (role " + account.role() + ") lacks the permission "
                    + permission.value(), List.of(permission.value()), 403));
        }
    }
}
