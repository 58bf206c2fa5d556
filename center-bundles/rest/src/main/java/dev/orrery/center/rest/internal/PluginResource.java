package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.market.MarketService;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
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
 * {@code POST /plugin}: run a marketplace plugin on the targets (a {@code plugin} task with
 * {@code op=run}). The plugin (and the version, when named) must be in the marketplace: else
 * 404 {@code NOT_FOUND}, also when the marketplace is not running on this center. A host that
 * has not installed it answers {@code PLUGIN_MISSING} in its result. {@code "dryRun"} plans only.
 */
@Path("/plugin")
public final class PluginResource {
    private final TaskService tasks;
    private final MarketService market;
    private final int maxTargets;
    private final ApiSecurity security;

    /**
     * @param tasks the proxy
     * @param market the marketplace, {@code null} while it is not running
     * @param maxTargets most target names per request
     * @param security permissions
     */
    PluginResource(TaskService tasks, MarketService market, int maxTargets, ApiSecurity security) {
        this.tasks = tasks;
        this.market = market;
        this.maxTargets = maxTargets;
        this.security = security;
    }

    /** @return 202 {@code {"taskId","hosts"}}, or 200 for a dry run */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Permission("task:submit")
    public Response submit(byte[] body, @Context SecurityContext caller, @Context UriInfo uri) {
        ApiAccount account = Callers.account(caller);
        JsonNode root = CmdRequestParser.readObject(body);
        TaskSubmission parsed = PluginRequestParser.parse(root, account.keyId(), maxTargets);
        boolean dryRun = AccountRequests.optionalBoolean(root, "dryRun");
        String name = parsed.params().get("name");
        String version = parsed.params().get("version");
        if (market == null) {
            throw new OrreryException(ErrorCode.NOT_FOUND, "no plugin '" + name + "': the marketplace is not running on this center");
        }
        market.version(name, version).orElseThrow(() -> market.plugin(name).isEmpty() ? MarketResource.notFound(name, null)
                : MarketResource.notFound(name, version));
        return TaskSubmits.run(tasks, TaskSubmits.scoped(parsed, account, security, false), dryRun, uri);
    }
}
