package dev.orrery.center.cron.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.agent.cron.internal.schedule.Schedule;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.api.TaskTypes;
import dev.orrery.center.cron.CronRequest;
import dev.orrery.center.proxy.Plan;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.store.CronJobRecord;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link CronRequest} into a stored job: checks the schedule and zone, the kind and its
 * spec, then lets the proxy vet it as the task each run will be ({@link TaskService#plan}: targets,
 * the creator's scope, the high-risk guard), which also resolves the targets to host ids.
 */
final class JobFactory {
    static final int MAX_TIMEOUT_SECONDS = 86_400;
    /** The per-run timeout the plan is checked with when the job names none. */
    private static final int PLAN_TIMEOUT_SECONDS = 60;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TaskService tasks;
    private final int maxStoreBytes;

    JobFactory(TaskService tasks, int maxStoreBytes) {
        this.tasks = tasks;
        this.maxStoreBytes = maxStoreBytes;
    }

    /**
     * @param r the request
     * @param now epoch ms
     * @return the job to store
     * @throws OrreryException as {@link dev.orrery.center.cron.CronService#create}
     */
    CronJobRecord build(CronRequest r, long now) {
        Schedule schedule;
        try {
            schedule = Schedule.parse(r.schedule(), r.timezone());
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        if (r.timeoutSeconds() < 0 || r.timeoutSeconds() > MAX_TIMEOUT_SECONDS) {
            throw invalid("timeoutSeconds must be 0-" + MAX_TIMEOUT_SECONDS);
        }
        String kind = r.kind() == null ? "" : r.kind();
        JsonNode spec = specOf(r.spec());
        Map<String, String> params = new LinkedHashMap<>();
        byte[] body = null;
        switch (kind) {
            case TaskTypes.CMD -> {
                JsonNode command = spec.get("command");
                if (command == null || !command.isTextual() || command.textValue().isBlank()) {
                    throw invalid("command is required and must not be blank");
                }
                params.put("command", command.textValue());
            }
            case TaskTypes.STORE -> {
                body = storeBody(spec);
                params.put("sha256", JobWire.sha256(body));
                if (spec.path("interpreter").isTextual()) {
                    params.put("interpreter", spec.get("interpreter").textValue());
                }
                if (spec.path("args").isArray()) {
                    params.put("args", spec.get("args").toString());
                }
            }
            case TaskTypes.PLUGIN -> {
                pluginSpec(spec);
                spec.fields().forEachRemaining(e ->
                        params.put(e.getKey(), e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().toString()));
            }
            default -> throw invalid("a job runs a command, a store script or a plugin; kind '" + kind + "' is none of cmd, store, plugin");
        }
        if (r.runAs() != null && !r.runAs().isBlank()) {
            params.put("runAs", r.runAs());
        }
        int timeout = r.timeoutSeconds() == 0 ? PLAN_TIMEOUT_SECONDS : r.timeoutSeconds();
        Plan plan = tasks.plan(new TaskSubmission(kind, r.targets(), params, body, timeout, r.createdBy(), r.scope(), false));
        if (plan.highRisk() != null) {
            throw new OrreryException(ErrorCode.CMD_HIGH_RISK, "the command matches the high-risk rule '" + plan.highRisk()
                    + "'; a scheduled job cannot confirm it", List.of(plan.highRisk()));
        }
        List<String> hostIds = plan.hosts().stream().map(Plan.Host::hostId).toList();
        return new CronJobRecord(newId(), r.createdBy(), hostIds, r.targets().groups(), schedule.text(), schedule.zone().getId(), r.spread(),
                kind, spec.toString(), r.runAs() == null || r.runAs().isBlank() ? null : r.runAs(), r.timeoutSeconds(), 1, now, 0);
    }

    private byte[] storeBody(JsonNode spec) {
        JsonNode content = spec.get("content");
        if (content == null || !content.isTextual() || content.textValue().isEmpty()) {
            throw invalid("store.content is required: the script text");
        }
        byte[] body = content.textValue().getBytes(StandardCharsets.UTF_8);
        if (body.length > maxStoreBytes) {
            throw new OrreryException(ErrorCode.CONTENT_TOO_LARGE, "the script is " + body.length + " bytes; a cron job carries at most "
                    + maxStoreBytes);
        }
        JsonNode args = spec.get("args");
        if (args != null && !args.isNull() && (!args.isArray() || !allText(args))) {
            throw invalid("store.args must be an array of strings");
        }
        JsonNode interpreter = spec.get("interpreter");
        if (interpreter != null && !interpreter.isNull() && !interpreter.isTextual()) {
            throw invalid("store.interpreter must be a string");
        }
        return body;
    }

    /** A job runs an installed plugin: {@code {"name","version"?,"args"?}}; installing and removing are the marketplace's. */
    private static void pluginSpec(JsonNode spec) {
        spec.fieldNames().forEachRemaining(f -> {
            if (!List.of("name", "version", "args").contains(f)) {
                throw invalid("plugin." + f + " is not a field of a plugin job; known: args, name, version");
            }
        });
        JsonNode name = spec.get("name");
        if (name == null || !name.isTextual() || name.textValue().isBlank()) {
            throw invalid("plugin.name is required: the plugin to run");
        }
        JsonNode version = spec.get("version");
        if (version != null && !version.isNull() && !version.isTextual()) {
            throw invalid("plugin.version must be a string");
        }
        JsonNode args = spec.get("args");
        if (args != null && !args.isNull() && (!args.isArray() || !allText(args))) {
            throw invalid("plugin.args must be an array of strings");
        }
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode a : array) {
            if (!a.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode specOf(String spec) {
        try {
            JsonNode node = JobWire.MAPPER.readTree(spec == null ? "{}" : spec);
            if (node == null || !node.isObject()) {
                throw invalid("the job's spec must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw invalid("the job's spec is not JSON");
        }
    }

    /** @return a new job id, also valid in a data channel topic */
    static String newId() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return "cr-" + HexFormat.of().formatHex(b);
    }

    static OrreryException invalid(String message) {
        return new OrreryException(ErrorCode.INVALID_REQUEST, message);
    }
}
