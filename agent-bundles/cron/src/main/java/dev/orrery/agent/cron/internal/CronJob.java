package dev.orrery.agent.cron.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.agent.cron.internal.schedule.Schedule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One job as this host runs it: the task each run hands to the {@code cmd}, {@code store} or
 * {@code plugin} handler.
 *
 * @param cronId the job id (topic {@code orrery.cron.<cronId>})
 * @param version the job's version at the center
 * @param schedule when it fires
 * @param spread whether runs are spread over the period
 * @param kind the task type each run is
 * @param params the run's task parameters
 * @param body the run's task body ({@code store}: the script)
 * @param timeoutSeconds per-run timeout, 0 for the handler's default
 */
record CronJob(String cronId, long version, Schedule schedule, boolean spread, String kind, Map<String, String> params, byte[] body,
        int timeoutSeconds) {
    private static final Set<String> KINDS = Set.of("cmd", "store", "plugin");

    CronJob {
        params = Map.copyOf(params);
    }

    /**
     * @param job one element of the sync body's {@code jobs}
     * @return the job
     * @throws IllegalArgumentException naming what is wrong
     */
    static CronJob of(JsonNode job) {
        String cronId = text(job, "cronId");
        if (cronId == null || !cronId.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
            throw new IllegalArgumentException("a job has no valid cronId: " + cronId);
        }
        String kind = text(job, "kind");
        if (kind == null || !KINDS.contains(kind)) {
            throw new IllegalArgumentException("job " + cronId + " has kind '" + kind + "'; cmd, store or plugin expected");
        }
        Schedule schedule;
        try {
            schedule = Schedule.parse(text(job, "schedule"), text(job, "timezone"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("job " + cronId + ": " + e.getMessage(), e);
        }
        Map<String, String> params = new LinkedHashMap<>();
        byte[] body = new byte[0];
        switch (kind) {
            case "cmd" -> {
                String command = text(job, "command");
                if (command == null || command.isBlank()) {
                    throw new IllegalArgumentException("job " + cronId + " has no command");
                }
                params.put("command", command);
            }
            case "store" -> {
                JsonNode store = job.path("store");
                String content = text(store, "content");
                if (content == null) {
                    throw new IllegalArgumentException("job " + cronId + " has no store.content");
                }
                body = content.getBytes(StandardCharsets.UTF_8);
                putText(params, "interpreter", text(store, "interpreter"));
                if (store.path("args").isArray()) {
                    params.put("args", store.get("args").toString());
                }
                params.put("sha256", sha256(body));
            }
            default -> job.path("plugin").fields().forEachRemaining(e ->
                    params.put(e.getKey(), e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().toString()));
        }
        putText(params, "runAs", text(job, "runAs"));
        return new CronJob(cronId, job.path("version").asLong(1), schedule, job.path("spread").asBoolean(false), kind, params, body,
                Math.max(0, job.path("timeoutSeconds").asInt(0)));
    }

    /** @return the data channel topic of its runs */
    String topic() {
        return "orrery.cron." + cronId;
    }

    private static void putText(Map<String, String> params, String name, String value) {
        if (value != null && !value.isBlank()) {
            params.put(name, value);
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || !v.isTextual() ? null : v.textValue();
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
