package dev.orrery.center.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.ErrorCode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /data/{topic} over real HTTP: pages, cursors as strings, limits, the caller's groups. */
class DataHttpTest {
    private final FakeDataStore data = new FakeDataStore();
    private SecuredApi api;

    @BeforeEach
    void start() throws Exception {
        api = new SecuredApi(RateLimiter.NONE, a -> List.of(new DataResource(data, a.hosts)));
        api.account("viewer", "viewer", List.of(), false);
        api.account("dbview", "viewer", List.of("db"), false);
        api.account("nobody", "none", List.of(), false);
        data.add("app.log", "h-1", 1, "one");
        data.add("other", "h-1", 2, "x");
        data.add("app.log", "h-2", 1, "db one");
        data.add("app.log", "h-1", 3, "three");
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    private static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void recordsArePagedWithAStringCursor() throws Exception {
        JsonNode first = json(api.call("viewer", "GET", "/api/v1/data/app.log?limit=2", null), 200);
        assertEquals(2, first.get("records").size());
        JsonNode r = first.get("records").get(0);
        assertEquals("h-1", r.get("hostId").asText());
        assertEquals(1, r.get("seq").asLong());
        assertEquals(1001, r.get("time").asLong());
        assertEquals("one", r.get("data").asText());
        assertEquals("3", first.get("next").asText());
        assertEquals(true, first.get("next").isTextual());
        JsonNode second = json(api.call("viewer", "GET", "/api/v1/data/app.log?after=" + first.get("next").asText(), null), 200);
        assertEquals("three", second.get("records").get(0).get("data").asText());
        JsonNode end = json(api.call("viewer", "GET", "/api/v1/data/app.log?after=4", null), 200);
        assertEquals(0, end.get("records").size());
        assertEquals("4", end.get("next").asText());
    }

    @Test
    void aCallerWithGroupsReadsOnlyTheirHosts() throws Exception {
        JsonNode db = json(api.call("dbview", "GET", "/api/v1/data/app.log", null), 200);
        assertEquals(1, db.get("records").size());
        assertEquals("db one", db.get("records").get(0).get("data").asText());
    }

    @Test
    void refusesBadParametersAndCallersWithoutThePermission() throws Exception {
        for (String bad : new String[] {"/api/v1/data/app.log?limit=1001", "/api/v1/data/app.log?limit=0", "/api/v1/data/app.log?after=-1",
                "/api/v1/data/app.log?after=x", "/api/v1/data/-bad"}) {
            assertEquals(ErrorCode.INVALID_REQUEST.name(), json(api.call("viewer", "GET", bad, null), 400).get("error").get("code").asText(),
                    bad);
        }
        assertEquals(403, api.call("nobody", "GET", "/api/v1/data/app.log", null).statusCode());
    }
}
