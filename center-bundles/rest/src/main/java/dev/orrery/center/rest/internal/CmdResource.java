package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.store.ApiAccount;
import java.util.HashMap;
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
        TaskSubmission scoped = TaskSubmits.scoped(CmdRequestParser.parse(root, account.keyId(), maxTargets), account, security,
                AccountRequests.optionalBoolean(root, "confirmHighRisk"));
        Map<String, String> params = new HashMap<>(scoped.params());
        params.put("command", security.mapping().expand(account, params.get("command")));
        TaskSubmission mapped = new TaskSubmission(scoped.type(), scoped.targets(), params, scoped.body(), scoped.timeoutSeconds(),
                scoped.createdBy(), scoped.scope(), scoped.confirmHighRisk());
        return TaskSubmits.run(tasks, mapped, AccountRequests.optionalBoolean(root, "dryRun"), uri);
    }
}
