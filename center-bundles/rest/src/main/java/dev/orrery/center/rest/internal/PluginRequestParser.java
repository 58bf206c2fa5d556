package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.TaskTypes;
import dev.orrery.center.proxy.TaskSubmission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses {@code POST /plugin} strictly into a {@code plugin} task with params {@code op=run},
 * {@code name}, {@code version} (only when given), {@code args} (a JSON array of strings, only when
 * given), {@code runAs} and {@code dataTopic} (when given). No body travels: the agent runs the
 * plugin it has installed.
 */
final class PluginRequestParser {
    /** Plugin names, as the {@code Orrery-Plugin-Name} header allows them. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** Most arguments. */
    static final int MAX_ARGS = 64;
    /** Longest argument, in characters. */
    static final int MAX_ARG_CHARS = 4096;
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z._-]{1,128}");
    private static final Set<String> FIELDS = Set.of("targets", "plugin", "version", "args", "runAs", "timeoutSeconds", "dataTopic", "dryRun");

    private PluginRequestParser() {
    }

    /**
     * @param root the body
     * @param createdBy the caller's key id
     * @param maxTargets most target names
     * @return the submission
     * @throws dev.orrery.api.OrreryException {@code INVALID_REQUEST}, {@code NO_TARGET}, {@code TOO_MANY_TARGETS}
     */
    static TaskSubmission parse(JsonNode root, String createdBy, int maxTargets) {
        Fields.refuseUnknown(root, FIELDS, "");
        String name = Fields.requiredText(root, "plugin");
        if (!NAME.matcher(name).matches()) {
            throw Fields.invalid("plugin must be a plugin name ([a-z0-9][a-z0-9._-], at most 64 characters)");
        }
        String version = Fields.optionalText(root, "version");
        if (version != null && !VERSION.matcher(version).matches()) {
            throw Fields.invalid("version must be a bundle version such as 1.2.0");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("op", "run");
        params.put("name", name);
        putIfPresent(params, "version", version);
        putIfPresent(params, "args", args(root.get("args")));
        putIfPresent(params, "runAs", Fields.optionalText(root, "runAs"));
        putIfPresent(params, DataTopics.PARAM, DataTopics.forTask(Fields.optionalText(root, DataTopics.PARAM)));
        int timeout = Fields.optionalInt(root, "timeoutSeconds", CmdRequestParser.DEFAULT_TIMEOUT_SECONDS, 1,
                CmdRequestParser.MAX_TIMEOUT_SECONDS);
        return new TaskSubmission(TaskTypes.PLUGIN, Fields.targets(root.get("targets"), maxTargets), params, null, timeout, createdBy);
    }

    /** @return the arguments as a JSON array text, or {@code null} when none were given */
    private static String args(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw Fields.invalid("args must be an array of strings, not " + Fields.typeOf(node));
        }
        if (node.size() > MAX_ARGS) {
            throw Fields.invalid("args has " + node.size() + " items; at most " + MAX_ARGS + " are accepted");
        }
        List<String> args = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode arg = node.get(i);
            if (!arg.isTextual()) {
                throw Fields.invalid("args[" + i + "] must be a string, not " + Fields.typeOf(arg));
            }
            if (arg.textValue().length() > MAX_ARG_CHARS) {
                throw Fields.invalid("args[" + i + "] is longer than " + MAX_ARG_CHARS + " characters");
            }
            args.add(arg.textValue());
        }
        try {
            return Json.MAPPER.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a list of strings", e);
        }
    }

    private static void putIfPresent(Map<String, String> params, String name, String value) {
        if (value != null && !value.isBlank()) {
            params.put(name, value);
        }
    }
}
