package dev.orrery.center.rest.internal;

import dev.orrery.center.proxy.TaskService;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** {@code GET /stats} (signed): the proxy's counters of ignored, stale, duplicate and resent messages. */
@Path("/stats")
@Produces(MediaType.APPLICATION_JSON)
public final class StatsResource {
    private final TaskService tasks;
    private final Clock clock;

    StatsResource(TaskService tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    /** @return {@code {"time":epochMs,"counters":{"ignoredAcks":n,...}}} */
    @GET
    @Permission("stats:read")
    public Map<String, Object> stats() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", clock.millis());
        m.put("counters", tasks.counters());
        return m;
    }
}
