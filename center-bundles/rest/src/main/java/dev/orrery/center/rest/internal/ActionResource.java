package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.TaskTypes;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.store.ApiAccount;
import java.util.Map;
import java.util.Set;
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
 * {@code POST /action}: evaluate a tree of steps on each target ({@link ActionTree}); the task's
 * {@code action} parameter is the tree's JSON text. {@code "dryRun"} plans only;
 * {@code "confirmHighRisk"} confirms the high-risk steps (all of one guard rule).
 */
@Path("/action")
public final class ActionResource {
    private static final Set<String> FIELDS = Set.of("targets", "action", "timeoutSeconds", "dryRun", "confirmHighRisk");

    private final TaskService tasks;
    private final int maxTargets;
    private final int maxScriptBytes;
    private final ApiSecurity security;

    /**
     * @param tasks the proxy
     * @param maxTargets most target names per request
     * @param maxScriptBytes most bytes of store scripts in one tree
     * @param security permissions
     */
    ActionResource(TaskService tasks, int maxTargets, int maxScriptBytes, ApiSecurity security) {
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
        Fields.refuseUnknown(root, FIELDS, "");
        JsonNode tree = root.get("action");
        ActionTree.validate(tree, maxScriptBytes);
        int timeout = Fields.optionalInt(root, "timeoutSeconds", CmdRequestParser.DEFAULT_TIMEOUT_SECONDS, 1,
                CmdRequestParser.MAX_TIMEOUT_SECONDS);
        TaskSubmission parsed = new TaskSubmission(TaskTypes.ACTION, Fields.targets(root.get("targets"), maxTargets),
                Map.of("action", tree.toString()), null, timeout, account.keyId());
        return TaskSubmits.run(tasks, TaskSubmits.scoped(parsed, account, security, AccountRequests.optionalBoolean(root,
                "confirmHighRisk")), AccountRequests.optionalBoolean(root, "dryRun"), uri);
    }
}
