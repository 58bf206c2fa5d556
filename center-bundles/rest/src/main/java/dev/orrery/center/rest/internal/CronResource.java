package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.cron.CronRun;
import dev.orrery.center.cron.CronService;
import dev.orrery.center.cron.RunPage;
import dev.orrery.center.store.ApiAccount;
import dev.orrery.center.store.CronJobRecord;
import dev.orrery.center.store.HostStore;
import java.util.ArrayList;
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
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

/**
 * {@code /cron}: scheduled jobs that run on the agents (also while the center is away). A caller
 * reaches only hosts in its groups and sees only the jobs it created, unless it holds
 * {@value ApiSecurity#ALL_TASKS}; what it may not see answers 404. Runs are read from the job's
 * data channel topic, limited to the hosts the caller sees.
 */
@Path("/cron")
@Produces(MediaType.APPLICATION_JSON)
public final class CronResource {
    private static final int MAX_LIMIT = 1000;

    private final CronService cron;
    private final HostStore hosts;
    private final int maxTargets;
    private final ApiSecurity security;

    CronResource(CronService cron, HostStore hosts, int maxTargets, ApiSecurity security) {
        this.cron = cron;
        this.hosts = hosts;
        this.maxTargets = maxTargets;
        this.security = security;
    }

    /** @return 201 {@code {"cronId","hosts"}} with the job's Location */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Permission("cron:create")
    public Response create(byte[] body, @Context SecurityContext caller, @Context UriInfo uri) {
        ApiAccount account = Callers.account(caller);
        JsonNode root = CmdRequestParser.readObject(body);
        CronJobRecord job = cron.create(CronRequestParser.parse(root, account.keyId(), Scopes.of(account, security.authorizer()), maxTargets,
                command -> security.mapping().expand(account, command)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cronId", job.cronId());
        m.put("hosts", job.hostIds().size());
        return Response.created(uri.getBaseUriBuilder().path("cron").path(job.cronId()).build()).entity(m)
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** @return {@code {"jobs":[…]}}: the live jobs the caller may see, oldest first */
    @GET
    @Permission("cron:read")
    public Map<String, Object> list(@Context SecurityContext caller) {
        ApiAccount account = Callers.account(caller);
        List<Map<String, Object>> jobs = cron.list().stream().filter(j -> visible(account, j)).map(CronResource::view).toList();
        return Map.of("jobs", jobs);
    }

    /** @return the job (deleted ones show {@code "deleted": true}) */
    @GET
    @Path("/{id}")
    @Permission("cron:read")
    public Map<String, Object> get(@PathParam("id") String id, @Context SecurityContext caller) {
        return view(find(id, Callers.account(caller)));
    }

    /** @return {@code {"cronId","deleted":true}}; its hosts stop running it within seconds */
    @DELETE
    @Path("/{id}")
    @Permission("cron:delete")
    public Map<String, Object> delete(@PathParam("id") String id, @Context SecurityContext caller) {
        CronJobRecord job = find(id, Callers.account(caller));
        if (!job.live() || !cron.delete(job.cronId())) {
            throw notFound(id);
        }
        return Map.of("cronId", job.cronId(), "deleted", true);
    }

    /** @return {@code {"cronId","runs":[{"hostId","startedAt","finishedAt","exitCode","output","error"}],"next"}} */
    @GET
    @Path("/{id}/runs")
    @Permission("cron:read")
    public Map<String, Object> runs(@PathParam("id") String id, @QueryParam("after") String after, @QueryParam("limit") String limit,
            @Context SecurityContext caller) {
        ApiAccount account = Callers.account(caller);
        CronJobRecord job = find(id, account);
        int from = QueryParams.intParam("after", after, 0, 0, Integer.MAX_VALUE);
        int most = QueryParams.intParam("limit", limit, 100, 1, MAX_LIMIT);
        List<String> scope = null;
        if (!account.groups().isEmpty()) {
            scope = new ArrayList<>(job.hostIds());
            scope.removeAll(hosts.outsideGroups(job.hostIds(), account.groups()));
        }
        RunPage page = cron.runs(job.cronId(), from, most, scope);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cronId", job.cronId());
        m.put("runs", page.runs().stream().map(CronResource::run).toList());
        m.put("next", page.next());
        return m;
    }

    private CronJobRecord find(String id, ApiAccount account) {
        CronJobRecord job = cron.get(id).orElseThrow(() -> notFound(id));
        if (!visible(account, job)) {
            throw notFound(id);
        }
        return job;
    }

    private boolean visible(ApiAccount account, CronJobRecord job) {
        return account.keyId().equals(job.createdBy()) || security.authorizer().permitted(account, ApiSecurity.ALL_TASKS);
    }

    private static OrreryException notFound(String id) {
        return new OrreryException(ErrorCode.NOT_FOUND, "no cron job '" + id + "'");
    }

    static Map<String, Object> view(CronJobRecord j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cronId", j.cronId());
        m.put("createdBy", j.createdBy());
        m.put("createdAt", j.createdAt());
        m.put("schedule", j.schedule());
        m.put("timezone", j.timezone());
        m.put("spread", j.spread());
        m.put("kind", j.kind());
        JsonNode spec = readSpec(j.spec());
        switch (j.kind()) {
            case "cmd" -> m.put("command", spec.path("command").asText());
            case "store" -> m.put("store", spec);
            default -> m.put("plugin", spec);
        }
        m.put("runAs", j.runAs());
        m.put("timeoutSeconds", j.timeoutSeconds());
        m.put("version", j.version());
        m.put("hosts", j.hostIds());
        m.put("groups", j.groups());
        m.put("deleted", !j.live());
        if (!j.live()) {
            m.put("deletedAt", j.deletedAt());
        }
        return m;
    }

    private static Map<String, Object> run(CronRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hostId", r.hostId());
        m.put("startedAt", r.startedAt());
        m.put("finishedAt", r.finishedAt());
        m.put("exitCode", r.exitCode());
        m.put("output", r.output());
        m.put("error", r.error());
        return m;
    }

    private static JsonNode readSpec(String spec) {
        try {
            return Json.MAPPER.readTree(spec);
        } catch (java.io.IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }
}
