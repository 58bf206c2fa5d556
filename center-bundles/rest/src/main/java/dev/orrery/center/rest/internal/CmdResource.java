package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.proxy.Plan;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.security.Authorizer;
import dev.orrery.center.store.ApiAccount;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

/**
 * {@code POST /cmd}: run a shell command on the targets. The submission carries the caller's
 * scope (its groups and task types, and whether it may confirm a high-risk command); with command
 * mapping on, the command is expanded from the caller's aliases first. {@code "dryRun": true}
 * makes every check and answers what would run where, dispatching nothing.
 */
@Path("/cmd")
public final class CmdResource {
    private final TaskService tasks;
    private final int maxTargets;
    private final ApiSecurity security;

    CmdResource(TaskService tasks, int maxTargets, ApiSecurity security) {
        this.tasks = tasks;
        this.maxTargets = maxTargets;
        this.security = security;
    }

    /**
     * @param body the raw JSON body (already size-checked and signature-verified)
     * @param caller the verified caller
     * @param uri the request URI, for the Location of the new task
     * @return 202 {@code {"taskId","hosts"}}, or for a dry run 200 {@code {"dryRun":true,"type","command","hosts":[...],"total"}}
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Permission("task:submit")
    public Response submit(byte[] body, @Context SecurityContext caller, @Context UriInfo uri) {
        ApiAccount account = Callers.account(caller);
        JsonNode root = CmdRequestParser.readObject(body);
        TaskSubmission parsed = CmdRequestParser.parse(root, account.keyId(), maxTargets);
        boolean dryRun = AccountRequests.optionalBoolean(root, "dryRun");
        boolean confirm = AccountRequests.optionalBoolean(root, "confirmHighRisk");
        if (confirm && !security.authorizer().permitted(account, Authorizer.CMD_HIGHRISK)) {
            throw new OrreryException(ErrorCode.FORBIDDEN, "confirmHighRisk needs the permission " + Authorizer.CMD_HIGHRISK,
                    List.of(Authorizer.CMD_HIGHRISK));
        }
        Map<String, String> params = new HashMap<>(parsed.params());
        params.put("command", security.mapping().expand(account, params.get("command")));
        TaskSubmission submission = new TaskSubmission(parsed.type(), parsed.targets(), params, parsed.body(), parsed.timeoutSeconds(),
                account.keyId(), Scopes.of(account, security.authorizer()), confirm);
        if (dryRun) {
            return Response.ok(dryRun(tasks.plan(submission)), MediaType.APPLICATION_JSON_TYPE).build();
        }
        TaskService.Accepted accepted = tasks.submit(submission);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taskId", accepted.taskId());
        m.put("hosts", accepted.hosts());
        return Response.accepted(m).type(MediaType.APPLICATION_JSON_TYPE)
                .location(uri.getBaseUriBuilder().path("tasks").path(accepted.taskId()).build()).build();
    }

    private static Map<String, Object> dryRun(Plan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dryRun", true);
        m.put("type", plan.type());
        m.put("command", plan.params().get("command"));
        if (plan.highRisk() != null) {
            m.put("highRisk", plan.highRisk());
        }
        m.put("hosts", plan.hosts().stream().map(h -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("hostId", h.hostId());
            v.put("hostname", h.hostname());
            v.put("status", h.status() == null ? null : h.status().name());
            return v;
        }).toList());
        m.put("total", plan.hosts().size());
        return m;
    }
}
