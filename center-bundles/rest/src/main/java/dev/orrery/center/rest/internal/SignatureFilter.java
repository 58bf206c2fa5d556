package dev.orrery.center.rest.internal;

import dev.orrery.api.ApiSignature;
import dev.orrery.api.OrreryException;
import dev.orrery.center.store.ApiAccount;
import java.io.ByteArrayInputStream;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.SecurityContext;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;

/**
 * Enforces request signing before any resource is matched, so an unsigned request learns
 * nothing (not even whether a path exists). {@code GET /health} is exempt, and so are the reads of
 * the plugin repository when {@code publicRepository} is on ({@link MarketPaths}). The body is read
 * once, bounded, hashed, and handed back to the resource; the verified account becomes the
 * request's {@link SecurityContext} principal.
 */
@PreMatching
public final class SignatureFilter implements ContainerRequestFilter {
    private final RequestAuthenticator authenticator;
    private final int maxBodyBytes;
    private final MarketPaths market;

    SignatureFilter(RequestAuthenticator authenticator, int maxBodyBytes) {
        this(authenticator, maxBodyBytes, MarketPaths.DEFAULTS);
    }

    SignatureFilter(RequestAuthenticator authenticator, int maxBodyBytes, MarketPaths market) {
        this.authenticator = authenticator;
        this.maxBodyBytes = maxBodyBytes;
        this.market = market;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (isHealth(request)) {
            return;
        }
        try {
            if (market.isPublicRead(request)) {
                request.setProperty(MarketPaths.PUBLIC_READ, Boolean.TRUE);
                return;
            }
            Message message = PhaseInterceptorChain.getCurrentMessage();
            // the raw target first: building the request URI throws on characters Jetty lets through
            String target = message != null && message.get(Message.REQUEST_URL) != null ? RawTarget.of(message, null)
                    : RawTarget.of(null, request.getUriInfo().getRequestUri());
            SignedRequest signed = new SignedRequest(request.getMethod(), RawTarget.valid(target),
                    request.getHeaderString(ApiSignature.HEADER_KEY), request.getHeaderString(ApiSignature.HEADER_TIMESTAMP),
                    request.getHeaderString(ApiSignature.HEADER_NONCE), request.getHeaderString(ApiSignature.HEADER_SIGNATURE));
            ApiAccount account = authenticator.precheck(signed);
            byte[] body = Bodies.read(request.getEntityStream(), request.getLength(), market.bodyLimit(request, maxBodyBytes));
            authenticator.verify(account, signed, body);
            request.setProperty(AuditFilter.BODY, body);
            request.setProperty(AuditFilter.ACCOUNT, account.keyId());
            request.setEntityStream(new ByteArrayInputStream(body));
            SecurityContext transport = request.getSecurityContext();
            request.setSecurityContext(new AccountContext(account, transport != null && transport.isSecure()));
        } catch (OrreryException e) {
            request.abortWith(ErrorResponses.of(e.code(), e.getMessage(), e.details(), ErrorResponses.statusOf(e.code())));
        }
    }

    /** @return whether this is the unsigned, unaudited {@code GET /health} (or HEAD) */
    static boolean isHealth(ContainerRequestContext request) {
        if (!HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod())) {
            return false;
        }
        String path = request.getUriInfo().getPath();
        return "health".equals(path) || "/health".equals(path) || "health/".equals(path);
    }
}
