package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.proxy.TaskService;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Validates the steps of an {@link ActionTree}: {@code cmd} (a command string or an object),
 * {@code store} (a script with its interpreter and arguments) and {@code plugin} (an installed
 * plugin to run: {@code name}, {@code version}, {@code args}; installing and removing are the
 * marketplace's, never a step's). Every refusal is {@code INVALID_REQUEST} naming the JSON path.
 */
final class ActionSteps {
    private static final Set<String> CMD_FIELDS = Set.of("command", "runAs", "cwd", "env", "timeoutSeconds", "dataTopic");
    private static final Set<String> STORE_FIELDS = Set.of("content", "interpreter", "args", "runAs", "cwd", "timeoutSeconds",
            "dataTopic");
    /** A plugin step runs an installed plugin; installing and removing are the marketplace's, never a step's. */
    private static final Set<String> PLUGIN_FIELDS = Set.of("name", "version", "args", "runAs", "timeoutSeconds", "dataTopic");

    private ActionSteps() {
    }

    static void cmd(JsonNode v, String path) {
        if (v.isTextual()) {
            command(v.textValue(), path);
            return;
        }
        if (!v.isObject()) {
            throw invalid(path, "must be a command string or an object with a command");
        }
        known(v, CMD_FIELDS, path);
        command(text(v, "command", path, true), path + ".command");
        common(v, path);
        JsonNode env = v.get("env");
        if (env != null && !env.isNull()) {
            if (!env.isObject()) {
                throw invalid(path + ".env", "must be an object of names to strings");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = env.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_]{0,127}") || !e.getValue().isTextual()) {
                    throw invalid(path + ".env." + e.getKey(), "must be a valid variable name with a string value");
                }
            }
        }
    }

    /** @return the script's size in bytes, for the tree's total */
    static int store(JsonNode v, String path) {
        if (!v.isObject()) {
            throw invalid(path, "must be an object with a content");
        }
        known(v, STORE_FIELDS, path);
        String content = text(v, "content", path, true);
        if (content.isBlank()) {
            throw invalid(path + ".content", "is empty");
        }
        String interpreter = text(v, "interpreter", path, false);
        if (interpreter != null && (interpreter.isBlank() || interpreter.chars().anyMatch(c -> Character.isWhitespace(c) || c == 0))) {
            throw invalid(path + ".interpreter", "must be a program (a name or a path) without spaces");
        }
        try {
            StoreRequestParser.args(v.get("args"), path + ".args");
        } catch (OrreryException e) {
            throw invalid(path + ".args", "must be an array of at most " + StoreRequestParser.MAX_ARGS + " strings");
        }
        common(v, path);
        return content.getBytes(StandardCharsets.UTF_8).length;
    }

    static void plugin(JsonNode v, String path) {
        if (!v.isObject()) {
            throw invalid(path, "must be an object with a name");
        }
        known(v, PLUGIN_FIELDS, path);
        if (text(v, "name", path, true).isBlank()) {
            throw invalid(path + ".name", "is empty");
        }
        text(v, "version", path, false);
        try {
            StoreRequestParser.args(v.get("args"), path + ".args");
        } catch (OrreryException e) {
            throw invalid(path + ".args", "must be an array of at most " + StoreRequestParser.MAX_ARGS + " strings");
        }
        common(v, path);
    }

    private static void common(JsonNode v, String path) {
        text(v, "runAs", path, false);
        text(v, "cwd", path, false);
        String topic = text(v, "dataTopic", path, false);
        try {
            DataTopics.forTask(topic);
        } catch (OrreryException e) {
            throw invalid(path + ".dataTopic", "is not a topic a task may write: " + e.getMessage());
        }
        JsonNode t = v.get("timeoutSeconds");
        if (t != null && !t.isNull() && (!t.isIntegralNumber() || !t.canConvertToInt() || t.intValue() < 1
                || t.intValue() > CmdRequestParser.MAX_TIMEOUT_SECONDS)) {
            throw invalid(path + ".timeoutSeconds", "must be a whole number between 1 and " + CmdRequestParser.MAX_TIMEOUT_SECONDS);
        }
    }

    private static void command(String command, String path) {
        if (command.isBlank()) {
            throw invalid(path, "is an empty command");
        }
        if (command.getBytes(StandardCharsets.UTF_8).length > TaskService.MAX_COMMAND_BYTES) {
            throw new OrreryException(ErrorCode.COMMAND_TOO_LARGE, path + " is longer than " + TaskService.MAX_COMMAND_BYTES + " bytes",
                    java.util.List.of(path));
        }
    }

    private static String text(JsonNode object, String name, String path, boolean required) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                throw invalid(path + "." + name, "is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(path + "." + name, "must be a string, not " + Fields.typeOf(node));
        }
        return node.textValue();
    }

    private static void known(JsonNode object, Set<String> fields, String path) {
        object.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name)) {
                throw invalid(path + "." + name, "is not a field of this step; known: " + String.join(", ", new java.util.TreeSet<>(fields)));
            }
        });
    }

    private static OrreryException invalid(String path, String what) {
        return Fields.invalid(path + " " + what, java.util.List.of(path));
    }
}
