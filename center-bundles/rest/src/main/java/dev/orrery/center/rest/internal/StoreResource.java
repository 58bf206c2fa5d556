package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.store.ApiAccount;
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
 * {@code POST /store}: run a script sent in the request on the targets (the agent checks its
 * digest, runs it and removes it). {@code "dryRun"} plans only; {@code "confirmHighRisk"}
 * confirms a shell script the guard holds high-risk.
 */
@Path("/store")
public final class StoreResource {
    private final TaskService tasks;
    private final int maxTargets;
    private final int maxScriptBytes;
    private final ApiSecurity security;

    /**
     * @param tasks the proxy
     * @param maxTargets most target names per request
     * @param maxScriptBytes largest script
     * @param security permissions
     */
    StoreResource(TaskService tasks, int maxTargets, int maxScriptBytes, ApiSecurity security) {
        this.tasks = tasks;
        this.maxTargets = maxTargets;
        this.maxScriptBytes = maxScriptBytes;
        this.security = security;
    }

    /**
     * @param body the raw JSON body
     * @param caller the verified caller
     * @param uri the request URI
     * @return 202 {@code {"taskId","hosts"}}, or 200 for a dry run
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Permission("task:submit")
    public Response submit(byte[] body, @Context SecurityContext caller, @Context UriInfo uri) {
        ApiAccount account = Callers.account(caller);
        JsonNode root = CmdRequestParser.readObject(body);
        return TaskSubmits.run(tasks, TaskSubmits.scoped(StoreRequestParser.parse(root, account.keyId(), maxTargets, maxScriptBytes),
                account, security, AccountRequests.optionalBoolean(root, "confirmHighRisk")),
                AccountRequests.optionalBoolean(root, "dryRun"), uri);
    }
}
