package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.center.proxy.Plan;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.store.ApiAccount;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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
 * {@code /host-accounts}: login accounts on the hosts, as {@code accounts} tasks ({@code 202
 * {"taskId","hosts"}}, results through {@code /tasks}). Create (with an SSH key, sudo, personal or
 * public), delete, rotate the password of a public account, and set up SSH trust from one host to
 * others. Every submission carries the caller's scope; {@code dryRun} checks and answers the plan.
 * The password a rotate (or the creation of a public account) sets is in that task's result only,
 * which only its submitter and {@code alltasks:read} holders can read.
 */
@Path("/host-accounts")
public final class HostAccountsResource {
    /** Longest the trust call waits for the key of the {@code from} host. */
    static final Duration TRUST_WAIT = Duration.ofSeconds(60);
    private final TaskService tasks;
    private final int maxTargets;
    private final ApiSecurity security;
    private final TrustSetup trust;

    HostAccountsResource(TaskService tasks, int maxTargets, ApiSecurity security) {
        this(tasks, maxTargets, security, TRUST_WAIT);
    }

    HostAccountsResource(TaskService tasks, int maxTargets, ApiSecurity security, Duration trustWait) {
        this.tasks = tasks;
        this.maxTargets = maxTargets;
        this.security = security;
        this.trust = new TrustSetup(tasks, trustWait);
    }

    /** {@code {"targets","user","sshPublicKey","sudo","kind","dryRun"}}: creates or updates the account. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Permission("hostaccount:create")
    public Response create(byte[] body, @Context SecurityContext caller, @Context UriInfo uri) {
        JsonNode root = CmdRequestParser.readObject(body);
        return submit(HostAccountRequests.create(root, maxTargets), AccountRequests.optionalBoolean(root, "dryRun"), caller, uri);
    }

    /** {@code ?hosts=h1,h2&groups=g1[&dryRun=true]}: removes the account, its home and its sudo rule. */
    @DELETE
    @Path("{user}")
    @Produces(MediaType.APPLICATION_JSON)
    @Permission("hostaccount:delete")
    public Response delete(@PathParam("user") String user, @QueryParam("hosts") String hosts, @QueryParam("groups") String groups,
            @QueryParam("dryRun") String dryRun, @Context SecurityContext caller, @Context UriInfo uri) {
        return submit(HostAccountRequests.delete(user, hosts, groups, maxTargets), "true".equalsIgnoreCase(dryRun), caller, uri);
    }

    /** {@code {"targets","user","dryRun"}}: a new password for a public account, answered once in the task's result. */
    @POST
    @Path("rotate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Permission("hostaccount:rotate")
    public Response rotate(byte[] body, @Context SecurityContext caller, @Context UriInfo uri) {
        JsonNode root = CmdRequestParser.readObject(body);
        return submit(HostAccountRequests.rotate(root, maxTargets), AccountRequests.optionalBoolean(root, "dryRun"), caller, uri);
    }

    /**
     * {@code {"from":host,"to":targets,"user","create","dryRun"}}: 202 {@code {"taskId","keyTaskId","hosts","publicKey"}}
     * once the from host's key is known and its authorisation submitted.
     */
    @POST
    @Path("trust")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Permission("hostaccount:trust")
    public Response trust(byte[] body, @Context SecurityContext caller, @Context UriInfo uri) {
        JsonNode root = CmdRequestParser.readObject(body);
        HostAccountRequests.Trust t = HostAccountRequests.trust(root, maxTargets);
        ApiAccount account = Callers.account(caller);
        boolean dryRun = AccountRequests.optionalBoolean(root, "dryRun");
        Map<String, Object> m = trust.run(t, account.keyId(), Scopes.of(account, security.authorizer()), dryRun);
        if (dryRun) {
            return Response.ok(m, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.accepted(m).type(MediaType.APPLICATION_JSON_TYPE)
                .location(uri.getBaseUriBuilder().path("tasks").path((String) m.get("taskId")).build()).build();
    }

    private Response submit(HostAccountRequests.Parsed parsed, boolean dryRun, SecurityContext caller, UriInfo uri) {
        ApiAccount account = Callers.account(caller);
        TaskSubmission s = new TaskSubmission(HostAccountRequests.type(), parsed.targets(), parsed.params(), null,
                HostAccountRequests.TIMEOUT_SECONDS, account.keyId(), Scopes.of(account, security.authorizer()), false);
        Map<String, Object> m = new LinkedHashMap<>();
        if (dryRun) {
            Plan plan = tasks.plan(s);
            m.put("dryRun", true);
            m.put("type", plan.type());
            m.put("op", parsed.params().get("op"));
            m.put("user", parsed.params().get("user"));
            m.put("hosts", plan.hosts().stream().map(Plan.Host::hostId).toList());
            m.put("total", plan.hosts().size());
            return Response.ok(m, MediaType.APPLICATION_JSON_TYPE).build();
        }
        TaskService.Accepted accepted = tasks.submit(s);
        m.put("taskId", accepted.taskId());
        m.put("hosts", accepted.hosts());
        return Response.accepted(m).type(MediaType.APPLICATION_JSON_TYPE)
                .location(uri.getBaseUriBuilder().path("tasks").path(accepted.taskId()).build()).build();
    }
}
