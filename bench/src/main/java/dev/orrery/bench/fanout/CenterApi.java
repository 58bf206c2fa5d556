package dev.orrery.bench.fanout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.bench.rest.SignedClient;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The REST calls the fan-out bench makes, signed with the admin key. */
public final class CenterApi {
    private final SignedClient api;

    public CenterApi(SignedClient api) {
        this.api = api;
    }

    /** @return how many hosts of the group are ONLINE */
    public long online(String group) throws IOException, InterruptedException {
        return ok("GET /hosts", api.call("GET", "/hosts?status=ONLINE&group=" + group + "&limit=1", null)).path("total").asLong();
    }

    /** @return the task id of {@code command} sent to every host of the group */
    public String submit(String group, String command, int timeoutSeconds) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("targets", Map.of("groups", List.of(group)));
        body.put("command", command);
        body.put("timeoutSeconds", timeoutSeconds);
        SignedClient.Answer a = api.call("POST", "/cmd", SignedClient.JSON.writeValueAsString(body));
        if (a.status() != 202) {
            throw new IOException("POST /cmd: HTTP " + a.status() + " " + a.body());
        }
        return a.json().path("taskId").asText();
    }

    /** @return {@code {"state", "counts":{...}}} of the task */
    public JsonNode task(String taskId) throws IOException, InterruptedException {
        return ok("GET /tasks/" + taskId, api.call("GET", "/tasks/" + taskId, null));
    }

    /**
     * What the stored results say.
     *
     * @param good results SUCCEEDED with exit code 0 and stdout {@code ok <hostId>}
     * @param firstStored the earliest {@code updatedAt} (epoch ms, the center's clock), 0 if none
     * @param lastStored the latest {@code updatedAt}, 0 if none
     */
    public record Results(long good, long firstStored, long lastStored) {
    }

    /** Reads every result of the task, a page at a time. */
    public Results results(String taskId, int total) throws IOException, InterruptedException {
        long good = 0;
        long first = Long.MAX_VALUE;
        long last = 0;
        for (int offset = 0; offset < total; offset += 1000) {
            JsonNode page = ok("GET results", api.call("GET", "/tasks/" + taskId + "/results?offset=" + offset + "&limit=1000", null));
            for (JsonNode r : page.path("results")) {
                if ("SUCCEEDED".equals(r.path("state").asText()) && r.path("exitCode").asInt(-1) == 0
                        && ("ok " + r.path("hostId").asText() + "\n").equals(r.path("stdout").asText())) {
                    good++;
                }
                long at = r.path("updatedAt").asLong(0);
                if (at > 0) {
                    first = Math.min(first, at);
                    last = Math.max(last, at);
                }
            }
        }
        return new Results(good, last == 0 ? 0 : first, last);
    }

    private static JsonNode ok(String what, SignedClient.Answer a) throws IOException {
        if (a.status() != 200) {
            throw new IOException(what + ": HTTP " + a.status() + " " + a.body());
        }
        return a.json();
    }
}
