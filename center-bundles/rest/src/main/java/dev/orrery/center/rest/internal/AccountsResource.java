package dev.orrery.center.rest.internal;

import dev.orrery.center.security.AccountService;
import dev.orrery.center.store.ApiAccount;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

/**
 * {@code /accounts}: API accounts, for admins. A secret appears in exactly two answers, the
 * creation and the rotation of its account (marked {@code Cache-Control: no-store}), and in no log.
 */
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
public final class AccountsResource {
    private static final int MAX_PROGRAMS = 100;

    private final AccountService accounts;
    private final RateLimiter rateLimiter;

    AccountsResource(AccountService accounts, RateLimiter rateLimiter) {
        this.accounts = accounts;
        this.rateLimiter = rateLimiter;
    }

    /** @return 201 with the account, its {@code keyId} and {@code secret} (shown once) */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Permission("account:create")
    public Response create(byte[] body, @Context UriInfo uri) {
        ApiAccount created = accounts.create(AccountRequests.spec(body));
        return Response.status(201).type(MediaType.APPLICATION_JSON_TYPE).cacheControl(noStore())
                .location(uri.getBaseUriBuilder().path("accounts").path(created.keyId()).build())
                .entity(AccountRequests.withSecret(created)).build();
    }

    /** @return {@code {"accounts":[...]}} without secrets, ordered by name */
    @GET
    @Permission("account:read")
    public Map<String, Object> list() {
        List<Map<String, Object>> all = accounts.list().stream().map(AccountRequests::view).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", all.size());
        m.put("accounts", all);
        return m;
    }

    /** @return the account without its secret */
    @GET
    @Path("/{keyId}")
    @Permission("account:read")
    public Map<String, Object> get(@PathParam("keyId") String keyId) {
        return AccountRequests.view(accounts.get(keyId));
    }

    /** @return the account, disabled: its requests get 401 from now on */
    @POST
    @Path("/{keyId}/disable")
    @Permission("account:update")
    public Map<String, Object> disable(@PathParam("keyId") String keyId) {
        return AccountRequests.view(accounts.disable(keyId));
    }

    /** @return the account, enabled */
    @POST
    @Path("/{keyId}/enable")
    @Permission("account:update")
    public Map<String, Object> enable(@PathParam("keyId") String keyId) {
        return AccountRequests.view(accounts.enable(keyId));
    }

    /** @return the account with its new secret (shown once); the old secret stops working */
    @POST
    @Path("/{keyId}/rotate")
    @Permission("account:rotate")
    public Response rotate(@PathParam("keyId") String keyId) {
        return Response.ok(AccountRequests.withSecret(accounts.rotate(keyId)), MediaType.APPLICATION_JSON_TYPE).cacheControl(noStore())
                .build();
    }

    /** @return 204 */
    @DELETE
    @Path("/{keyId}")
    @Permission("account:delete")
    public Response delete(@PathParam("keyId") String keyId) {
        accounts.delete(keyId);
        rateLimiter.forget(keyId);
        return Response.noContent().build();
    }

    /** @return program to alias, e.g. {@code {"reboot":"q4k2m9x1"}}, creating missing aliases */
    @GET
    @Path("/{keyId}/mapping")
    @Permission("account:mapping")
    public Map<String, Object> mapping(@PathParam("keyId") String keyId, @QueryParam("programs") String programs) {
        List<String> names = programs == null ? List.of()
                : Arrays.stream(programs.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (names.isEmpty()) {
            throw Fields.invalid("programs is required: a comma-separated list such as programs=reboot,uptime");
        }
        if (names.size() > MAX_PROGRAMS) {
            throw Fields.invalid("programs names " + names.size() + " programs; at most " + MAX_PROGRAMS + " are accepted");
        }
        // typed as Object values: CXF writes a refusal (an error object) with the method's declared type
        return new LinkedHashMap<>(accounts.mapping(keyId, names));
    }

    private static CacheControl noStore() {
        CacheControl c = new CacheControl();
        c.setNoStore(true);
        return c;
    }
}
