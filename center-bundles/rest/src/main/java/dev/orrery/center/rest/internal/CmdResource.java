package dev.orrery.center.rest.internal;

import dev.orrery.center.proxy.TaskService;
import java.util.LinkedHashMap;
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

/** {@code POST /cmd}: run a shell command on the targets. */
@Path("/cmd")
public final class CmdResource {
    private final TaskService tasks;

    CmdResource(TaskService tasks) {
        this.tasks = tasks;
    }

    /**
     * @param body the raw JSON body (already size-checked and signature-verified)
     * @param security the verified caller
     * @param uri the request URI, for the Location of the new task
     * @return 202 {@code {"taskId","hosts"}}
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(byte[] body, @Context SecurityContext security, @Context UriInfo uri) {
        TaskService.Accepted accepted = tasks.submit(CmdRequestParser.parse(body, Callers.keyId(security)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taskId", accepted.taskId());
        m.put("hosts", accepted.hosts());
        return Response.accepted(m).type(MediaType.APPLICATION_JSON_TYPE)
                .location(uri.getBaseUriBuilder().path("tasks").path(accepted.taskId()).build()).build();
    }
}
