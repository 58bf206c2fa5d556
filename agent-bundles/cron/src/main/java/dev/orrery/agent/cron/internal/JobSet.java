package dev.orrery.agent.cron.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The jobs this host holds, as the center last sent them: the center computes the digest over its
 * canonical form of the jobs and sends it with them; the agent keeps and reports it unchanged, so
 * the canonical form is defined in one place (the center).
 *
 * @param hostId the host the jobs were sent to (spread offsets hash it)
 * @param digest the center's digest of the set, {@code ""} when none was ever received
 * @param jobs the parsed jobs
 * @param raw the {@code jobs} array as received (persisted as is)
 */
record JobSet(String hostId, String digest, List<CronJob> jobs, ArrayNode raw) {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** The set before any sync. */
    static final JobSet EMPTY = new JobSet("", "", List.of(), MAPPER.createArrayNode());

    JobSet {
        jobs = List.copyOf(jobs);
    }

    /**
     * @param hostId this host
     * @param body the sync body {@code {"digest","jobs":[…]}} (or the persisted file, which adds {@code hostId})
     * @return the set
     * @throws IllegalArgumentException for a body that is not such an object or a job that is invalid
     */
    static JobSet parse(String hostId, byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the cron sync body is not JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : "unreadable"));
        }
        if (root == null || !root.isObject() || !root.path("jobs").isArray()) {
            throw new IllegalArgumentException("the cron sync body must be an object with a jobs array");
        }
        List<CronJob> jobs = new ArrayList<>();
        for (JsonNode job : root.get("jobs")) {
            jobs.add(CronJob.of(job));
        }
        if (jobs.stream().map(CronJob::cronId).distinct().count() != jobs.size()) {
            throw new IllegalArgumentException("the cron sync body names a cronId twice");
        }
        String host = hostId != null ? hostId : root.path("hostId").asText("");
        return new JobSet(host, root.path("digest").asText(""), jobs, (ArrayNode) root.get("jobs"));
    }

    /** @return the persisted form: {@code {"hostId","digest","jobs"}} */
    byte[] toBytes() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("hostId", hostId);
        o.put("digest", digest);
        o.set("jobs", raw);
        try {
            return MAPPER.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the job set", e);
        }
    }

    /** @return the status section {@code {"digest","jobs"}} */
    String statusJson() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("digest", digest);
        o.put("jobs", jobs.size());
        return o.toString();
    }
}
