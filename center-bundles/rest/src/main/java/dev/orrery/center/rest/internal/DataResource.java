package dev.orrery.center.rest.internal;

import dev.orrery.center.store.ApiAccount;
import dev.orrery.center.store.DataStore;
import dev.orrery.center.store.HostStore;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

/**
 * {@code GET /data/{topic}?after=CURSOR&limit=N}: the data channel records of a topic after a
 * cursor, in storage order (each host's records in its order). An account with groups reads
 * only the records of hosts in them. {@code next} is the cursor to ask with next; it moves past
 * records the caller may not see, and stays where it was when there is nothing new.
 */
@Path("/data")
@Produces(MediaType.APPLICATION_JSON)
public final class DataResource {
    /** Records per page when the request names no limit. */
    static final int DEFAULT_LIMIT = 100;
    /** Most records per page. */
    static final int MAX_LIMIT = 1000;

    private final DataStore data;
    private final HostStore hosts;

    /**
     * @param data the data channel's store
     * @param hosts resolves the caller's groups to hosts
     */
    DataResource(DataStore data, HostStore hosts) {
        this.data = data;
        this.hosts = hosts;
    }

    /**
     * @param topic the topic
     * @param after a cursor from a previous answer, absent for the start
     * @param limit at most this many records (1-1000, default 100)
     * @param security the caller
     * @return {@code {"records":[{"hostId","seq","time","data"}],"next":"CURSOR"}}
     */
    @GET
    @Path("/{topic}")
    @Permission("data:read")
    public Map<String, Object> read(@PathParam("topic") String topic, @QueryParam("after") String after,
            @QueryParam("limit") String limit, @Context SecurityContext security) {
        String t = DataTopics.forReading(topic);
        long cursor = cursor(after);
        int n = QueryParams.intParam("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        ApiAccount account = Callers.account(security);
        Collection<String> scope = account.groups().isEmpty() ? null : hosts.resolve(List.of(), account.groups()).hostIds();
        DataStore.Page page = data.read(t, cursor, n, scope);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("records", page.records().stream().map(e -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("hostId", e.hostId());
            r.put("seq", e.seq());
            r.put("time", e.at());
            r.put("data", e.data());
            return r;
        }).toList());
        m.put("next", Long.toString(page.next()));
        return m;
    }

    private static long cursor(String after) {
        if (after == null || after.isEmpty()) {
            return 0;
        }
        try {
            long c = Long.parseLong(after);
            if (c >= 0) {
                return c;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Fields.invalid("after must be a cursor from a previous answer (a non-negative whole number)");
    }
}
