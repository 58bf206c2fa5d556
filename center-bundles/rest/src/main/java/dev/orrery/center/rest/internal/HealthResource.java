package dev.orrery.center.rest.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** {@code GET /health}: unsigned liveness answer. */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {
    private final Clock clock;

    HealthResource(Clock clock) {
        this.clock = clock;
    }

    /** @return {@code {"status":"UP","time":epochMs}} */
    @GET
    @Permission(Permission.PUBLIC)
    public Map<String, Object> health() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "UP");
        m.put("time", clock.millis());
        return m;
    }
}
