package dev.orrery.center.rest.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.store.AuditLog;
import dev.orrery.center.store.AuditRecord;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

/** {@code GET /audit?limit=&account=&since=}: the newest audit records first. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {
    private static final int DEFAULT_LIMIT = 100;

    private final AuditLog audit;

    AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * @param limit most records, 1 to 1000 (default 100)
     * @param account only this account (a key id, or a shell user)
     * @param since only records at or after this time: epoch milliseconds or an ISO-8601 instant
     * @return {@code {"records":[{"seq","at","kind","account","source","action","targets","detail","bodyDigest","outcome"}]}}
     */
    @GET
    @Permission("audit:read")
    public Map<String, Object> list(@QueryParam("limit") String limit, @QueryParam("account") String account,
            @QueryParam("since") String since) {
        int n = QueryParams.intParam("limit", limit, DEFAULT_LIMIT, 1, AuditLog.MAX_QUERY);
        return Map.of("records", audit.query(n, QueryParams.textParam(account), since(since)).stream().map(AuditResource::view).toList());
    }

    /**
     * @param value epoch ms or an ISO-8601 instant ({@code 2026-11-27T20:00:00Z}), or blank
     * @return epoch ms, or {@code null} when blank
     * @throws OrreryException {@code INVALID_REQUEST} otherwise
     */
    static Long since(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() <= 18 && v.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(v);
        }
        try {
            return Instant.parse(v).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new OrreryException(ErrorCode.INVALID_REQUEST, "since must be epoch milliseconds or an ISO-8601 instant such as "
                    + "2026-11-27T20:00:00Z");
        }
    }

    static Map<String, Object> view(AuditRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", r.seq());
        m.put("at", r.entry().at());
        m.put("kind", r.entry().kind());
        m.put("account", r.entry().account());
        m.put("source", r.entry().source());
        m.put("action", r.entry().action());
        m.put("targets", r.entry().targets());
        m.put("detail", r.entry().detail());
        m.put("bodyDigest", r.entry().bodyDigest());
        m.put("outcome", r.entry().outcome());
        return m;
    }
}
