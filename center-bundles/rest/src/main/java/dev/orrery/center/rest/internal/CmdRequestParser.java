package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.api.TaskTypes;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the body of {@code POST /cmd} strictly: every field has one JSON type, unknown fields
 * are refused, and every failure is an {@link OrreryException} with a code. The command's
 * parameters become the task params {@code command}, {@code runAs}, {@code cwd}, {@code dataTopic}
 * and one {@code env.NAME} per environment variable.
 */
final class CmdRequestParser {
    /** Per-host timeout when the request names none, seconds. */
    static final int DEFAULT_TIMEOUT_SECONDS = 60;
    /** Longest per-host timeout accepted, seconds (one day). */
    static final int MAX_TIMEOUT_SECONDS = 86_400;
    /** Prefix of the task params that carry environment variables. */
    static final String ENV_PREFIX = "env.";

    private static final Set<String> FIELDS = Set.of("targets", "command", "runAs", "cwd", "env", "timeoutSeconds", "dryRun",
            "confirmHighRisk", DataTopics.PARAM);
    private static final int MAX_ENV = 256;

    private CmdRequestParser() {
    }

    /**
     * @param body the raw body
     * @param createdBy the authenticated key id
     * @return the submission
     * @throws OrreryException {@code MALFORMED_JSON}, {@code INVALID_REQUEST}, {@code NO_TARGET},
     *     {@code COMMAND_TOO_LARGE}, {@code TOO_MANY_TARGETS} over the default target limit
     */
    static TaskSubmission parse(byte[] body, String createdBy) {
        return parse(body, createdBy, ApiLimits.DEFAULTS.maxTargets());
    }

    /**
     * @param body the raw body
     * @param createdBy the authenticated key id
     * @param maxTargets most target names (hosts plus groups) accepted
     * @return the submission
     * @throws OrreryException as {@link #parse(byte[], String)}, {@code TOO_MANY_TARGETS}
     */
    static TaskSubmission parse(byte[] body, String createdBy, int maxTargets) {
        return parse(readObject(body), createdBy, maxTargets);
    }

    /**
     * @param root the body, already read by {@link #readObject} (callers that read more fields of it parse it once)
     * @param createdBy the authenticated key id
     * @param maxTargets most target names (hosts plus groups) accepted
     * @return the submission
     * @throws OrreryException as {@link #parse(byte[], String, int)}, except the JSON syntax errors
     */
    static TaskSubmission parse(JsonNode root, String createdBy, int maxTargets) {
        Fields.refuseUnknown(root, FIELDS, "");
        String command = Fields.requiredText(root, "command");
        int commandBytes = command.getBytes(StandardCharsets.UTF_8).length;
        if (commandBytes > TaskService.MAX_COMMAND_BYTES) {
            throw new OrreryException(ErrorCode.COMMAND_TOO_LARGE, "command is " + commandBytes + " bytes; at most "
                    + TaskService.MAX_COMMAND_BYTES + " bytes are accepted");
        }
        if (command.isBlank()) {
            throw Fields.invalid("command is empty");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("command", command);
        putIfPresent(params, "runAs", Fields.optionalText(root, "runAs"));
        putIfPresent(params, "cwd", Fields.optionalText(root, "cwd"));
        putIfPresent(params, DataTopics.PARAM, DataTopics.forTask(Fields.optionalText(root, DataTopics.PARAM)));
        env(root.get("env")).forEach((name, value) -> params.put(ENV_PREFIX + name, value));
        int timeout = Fields.optionalInt(root, "timeoutSeconds", DEFAULT_TIMEOUT_SECONDS, 1, MAX_TIMEOUT_SECONDS);
        return new TaskSubmission(TaskTypes.CMD, Fields.targets(root.get("targets"), maxTargets), params, null, timeout, createdBy);
    }

    /**
     * @param body raw bytes
     * @return the root, a JSON object
     */
    static JsonNode readObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw new OrreryException(ErrorCode.MALFORMED_JSON, "the request body is empty; a JSON object is expected");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw Json.refusal(e);
        } catch (IOException e) {
            throw new OrreryException(ErrorCode.MALFORMED_JSON, "the body is not readable JSON text");
        }
        if (root == null || root.isMissingNode()) {
            throw new OrreryException(ErrorCode.MALFORMED_JSON, "the request body is empty; a JSON object is expected");
        }
        if (!root.isObject()) {
            throw Fields.invalid("the body must be a JSON object, not " + Fields.typeOf(root));
        }
        return root;
    }

    private static Map<String, String> env(JsonNode node) {
        Map<String, String> env = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return env;
        }
        if (!node.isObject()) {
            throw Fields.invalid("env must be an object of names to strings, not " + Fields.typeOf(node));
        }
        if (node.size() > MAX_ENV) {
            throw Fields.invalid("env has " + node.size() + " variables; at most " + MAX_ENV + " are accepted");
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_]{0,127}")) {
                throw Fields.invalid("env name '" + e.getKey() + "' is not a valid variable name", List.of(e.getKey()));
            }
            if (!e.getValue().isTextual()) {
                throw Fields.invalid("env." + e.getKey() + " must be a string, not " + Fields.typeOf(e.getValue()));
            }
            env.put(e.getKey(), e.getValue().textValue());
        });
        return env;
    }

    private static void putIfPresent(Map<String, String> params, String name, String value) {
        if (value != null && !value.isBlank()) {
            params.put(name, value);
        }
    }
}
