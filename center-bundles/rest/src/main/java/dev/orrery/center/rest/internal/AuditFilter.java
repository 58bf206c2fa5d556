package dev.orrery.center.rest.internal;

import dev.orrery.api.ApiSignature;
import dev.orrery.api.ErrorCode;
import dev.orrery.center.store.AuditEntry;
import dev.orrery.center.store.AuditLog;
import dev.orrery.center.store.AuditRecord;
import dev.orrery.center.store.AuditVerification;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.MediaType;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every API call in the audit log, allowed or refused, except {@code GET /health}. CXF
 * runs container response filters for every response it writes: a resource's answer, a mapped
 * exception, and a request aborted by a pre-matching request filter (the
 * {@link SignatureFilter}'s 401s), so one response filter sees them all. It runs before the entity
 * is written, on the request thread, and waits for the record's commit: no answer leaves before
 * its record is stored. If the record cannot be stored, the answer becomes 503
 * {@code STORE_UNAVAILABLE} (the act itself may have happened; the center log has the entry).
 */
public final class AuditFilter implements ContainerResponseFilter {
    /** Request property: the verified key id, set by the {@link SignatureFilter}. */
    static final String ACCOUNT = "dev.orrery.audit.account";
    /** Request property: the body bytes as received, set by the {@link SignatureFilter} once it has read them. */
    static final String BODY = "dev.orrery.audit.body";
    private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);
    /** An audit log that keeps nothing and verifies nothing: for tests that do not look at the audit. */
    static final AuditLog DISCARD = new AuditLog() {
        @Override
        public void append(AuditEntry entry) {
        }

        @Override
        public List<AuditRecord> query(int limit, String account, Long since) {
            return List.of();
        }

        @Override
        public AuditVerification verify() {
            return AuditVerification.passed(0);
        }
    };

    private final AuditLog audit;
    private final Clock clock;

    AuditFilter(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (isHealth(request)) {
            return;
        }
        Message in = inMessage();
        byte[] body = request.getProperty(BODY) instanceof byte[] b ? b : null;
        AuditSummary asked = AuditSummary.of(body);
        AuditEntry entry = new AuditEntry(clock.millis(), AuditEntry.API, account(request), source(in),
                request.getMethod() + " " + target(in, request), asked.targets(), asked.detail(), body == null || body.length == 0 ? "" : sha256(body),
                outcome(response, asked.confirmHighRisk()));
        try {
            audit.append(entry);
        } catch (RuntimeException e) {
            LOG.error("API call not audited ({}): {} {} {} -> {}; answering 503", e.getMessage(), entry.account(), entry.source(),
                    entry.action(), entry.outcome());
            response.setStatus(503);
            response.getHeaders().remove("Location");
            response.getHeaders().putSingle("Retry-After", "1");
            response.setEntity(ErrorResponses.body(ErrorCode.STORE_UNAVAILABLE, "the audit log is unavailable, so the answer is withheld; "
                    + "the request may have taken effect", List.of()), null, MediaType.APPLICATION_JSON_TYPE);
        }
    }

    private static boolean isHealth(ContainerRequestContext request) {
        try {
            return SignatureFilter.isHealth(request);
        } catch (RuntimeException e) {
            return false; // a target CXF cannot parse is no health check, and is audited
        }
    }

    /** @return the verified key id, or the claimed one marked unverified, or {@code "-"} */
    static String account(ContainerRequestContext request) {
        if (request.getProperty(ACCOUNT) instanceof String verified) {
            return verified;
        }
        String claimed = request.getHeaderString(ApiSignature.HEADER_KEY);
        return claimed == null || claimed.isBlank() ? "-" : claimed.strip() + " (unverified)";
    }

    /** @return e.g. {@code 202}, {@code 403 CMD_HIGH_RISK}, {@code 202 taskId=t-1 confirmHighRisk} */
    static String outcome(ContainerResponseContext response, boolean confirmHighRisk) {
        StringBuilder s = new StringBuilder().append(response.getStatus());
        if (response.getEntity() instanceof Map<?, ?> m) {
            if (m.get("error") instanceof Map<?, ?> error && error.get("code") != null) {
                s.append(' ').append(error.get("code"));
            } else if (m.get("taskId") != null) {
                s.append(" taskId=").append(m.get("taskId"));
            }
        }
        return confirmHighRisk ? s.append(" confirmHighRisk").toString() : s.toString();
    }

    private static Message inMessage() {
        Message current = PhaseInterceptorChain.getCurrentMessage();
        if (current == null || current.getExchange() == null) {
            return current;
        }
        Message in = current.getExchange().getInMessage();
        return in != null ? in : current;
    }

    private static String source(Message in) {
        Object request = in == null ? null : in.get(AbstractHTTPDestination.HTTP_REQUEST);
        return request instanceof HttpServletRequest http && http.getRemoteAddr() != null ? http.getRemoteAddr() : "-";
    }

    private static String target(Message in, ContainerRequestContext request) {
        if (in != null && in.get(Message.REQUEST_URL) != null) {
            return RawTarget.of(in, null);
        }
        try {
            URI uri = request.getUriInfo().getRequestUri();
            return RawTarget.of(null, uri);
        } catch (RuntimeException e) {
            return "(unparsable target)";
        }
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
