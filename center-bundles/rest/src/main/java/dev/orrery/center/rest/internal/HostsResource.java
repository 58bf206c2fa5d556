package dev.orrery.center.rest.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostStatus;
import dev.orrery.api.OrreryException;
import dev.orrery.center.store.ApiAccount;
import dev.orrery.center.store.HostInventory;
import dev.orrery.center.store.HostQuery;
import dev.orrery.center.store.HostRecord;
import dev.orrery.center.store.HostStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

/**
 * {@code GET /hosts}, {@code GET /hosts/{id}} (with the agent's status sections and the
 * inventory, {@link HostDetails}) and {@code PUT /hosts/{id}} (the inventory). An account with
 * groups sees only the hosts in them; any other host answers 404, as if it did not exist.
 */
@Path("/hosts")
@Produces(MediaType.APPLICATION_JSON)
public final class HostsResource {
    private static final int MAX_LIMIT = 10_000;

    private final HostStore hosts;

    HostsResource(HostStore hosts) {
        this.hosts = hosts;
    }

    /**
     * @return {@code {"total":N,"hosts":[...]}}; {@code total} counts every match, {@code hosts}
     *     holds at most {@code limit} of them from {@code offset}
     */
    @GET
    @Permission("host:read")
    public Map<String, Object> list(@QueryParam("status") String status, @QueryParam("group") String group,
            @QueryParam("q") String q, @QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @Context SecurityContext security) {
        HostQuery query = new HostQuery(QueryParams.enumParam("status", status, HostStatus.class), QueryParams.textParam(group),
                QueryParams.textParam(q), QueryParams.intParam("offset", offset, 0, 0, Integer.MAX_VALUE),
                QueryParams.intParam("limit", limit, 1000, 1, MAX_LIMIT));
        ScopedHosts.Page page = new ScopedHosts(hosts).find(Callers.account(security).groups(), query);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", page.total());
        m.put("hosts", page.hosts().stream().map(Views::host).toList());
        return m;
    }

    /**
     * @param id a hostId, or a hostname, IP or SN naming exactly one host
     * @return the host
     */
    @GET
    @Path("/{id}")
    @Permission("host:read")
    public Map<String, Object> get(@PathParam("id") String id, @Context SecurityContext security) {
        return details(find(id, security));
    }

    /**
     * @param id a hostId, or a hostname, IP or SN naming exactly one host
     * @param body {@code {"owner","groups","labels","expectedSn","expectedIp"}} ({@link HostInventoryParser})
     * @return the host as {@code GET} shows it now
     */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permission("host:update")
    public Map<String, Object> update(@PathParam("id") String id, byte[] body, @Context SecurityContext security) {
        HostInventory inventory = HostInventoryParser.parse(CmdRequestParser.readObject(body));
        HostRecord host = find(id, security);
        if (!hosts.setInventory(host.hostId(), inventory)) {
            throw new OrreryException(ErrorCode.NOT_FOUND, "no host '" + id + "'");
        }
        return details(find(host.hostId(), security));
    }

    private Map<String, Object> details(HostRecord h) {
        return HostDetails.view(h, hosts.status(h.hostId()), hosts.inventory(h.hostId()).orElse(null));
    }

    private HostRecord find(String id, SecurityContext security) {
        Optional<HostRecord> host = hosts.get(id);
        if (host.isEmpty()) {
            List<String> ids = hosts.resolve(List.of(id), List.of()).hostIds();
            if (ids.size() == 1) {
                host = hosts.get(ids.get(0));
            }
        }
        ApiAccount account = Callers.account(security);
        return host.filter(h -> Scopes.sees(account, h))
                .orElseThrow(() -> new OrreryException(ErrorCode.NOT_FOUND, "no host '" + id + "'"));
    }
}
