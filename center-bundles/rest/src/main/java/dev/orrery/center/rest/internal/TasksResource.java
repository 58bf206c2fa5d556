package dev.orrery.center.rest.internal;

import dev.orrery.api.HostTaskState;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.security.Authorizer;
import dev.orrery.center.store.TaskRecord;
import java.util.LinkedHashMap;
import java.util.Map;
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

/** {@code /tasks/{id}}: state and counts, per-host results, cancel. */
@Path("/tasks/{id}")
@Produces(MediaType.APPLICATION_JSON)
public final class TasksResource {
    private static final int MAX_LIMIT = 1000;

    private final TaskService tasks;
    private final Authorizer authorizer;

    TasksResource(TaskService tasks, Authorizer authorizer) {
        this.tasks = tasks;
        this.authorizer = authorizer;
    }

    /** @return the task with its counts per host-task state */
    @GET
    @Permission("task:read")
    public Map<String, Object> task(@PathParam("id") String id, @Context SecurityContext security) {
        return Views.task(find(id, security), tasks.counts(id));
    }

    /** @return {@code {"taskId","offset","limit","results":[...]}} ordered by hostId */
    @GET
    @Path("/results")
    @Permission("task:read")
    public Map<String, Object> results(@PathParam("id") String id, @QueryParam("state") String state,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit, @Context SecurityContext security) {
        HostTaskState filter = QueryParams.enumParam("state", state, HostTaskState.class);
        int from = QueryParams.intParam("offset", offset, 0, 0, Integer.MAX_VALUE);
        int most = QueryParams.intParam("limit", limit, 100, 1, MAX_LIMIT);
        find(id, security);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taskId", id);
        m.put("offset", from);
        m.put("limit", most);
        m.put("results", tasks.results(id, filter, from, most).stream().map(Views::result).toList());
        return m;
    }

    /** @return 202 {@code {"taskId"}}: unfinished hosts are being cancelled; 409 TASK_FINISHED if the task is done */
    @POST
    @Path("/cancel")
    @Permission("task:cancel")
    public Response cancel(@PathParam("id") String id, @Context SecurityContext security) {
        find(id, security);
        tasks.cancel(id);
        return Response.accepted(Map.of("taskId", id)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** @return the task, if it exists and the caller may see it (else 404, as if it did not exist) */
    private TaskRecord find(String id, SecurityContext security) {
        TaskRecord task = tasks.task(id).orElseThrow(() -> Scopes.notFound(id));
        return Scopes.visible(Callers.account(security), authorizer, task);
    }
}
