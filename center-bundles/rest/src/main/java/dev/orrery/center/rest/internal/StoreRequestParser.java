package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.api.TaskTypes;
import dev.orrery.center.proxy.TaskSubmission;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses {@code POST /store} strictly. The script travels as the task body; the params are
 * {@code interpreter} (default {@code /bin/sh}), {@code args} (a JSON array of strings, absent when
 * none), {@code sha256} (lowercase hex of the body, computed here), {@code runAs}, {@code cwd}
 * and {@code dataTopic} when given. The script parts are shared with the {@code store} steps of
 * an action ({@link ActionTree}).
 */
final class StoreRequestParser {
    /** The interpreter when the request names none. */
    static final String DEFAULT_INTERPRETER = "/bin/sh";
    /** Most script arguments. */
    static final int MAX_ARGS = 256;
    private static final int MAX_INTERPRETER_CHARS = 4096;
    private static final Set<String> FIELDS = Set.of("targets", "content", "interpreter", "args", "timeoutSeconds", "runAs", "cwd",
            "dataTopic", "dryRun", "confirmHighRisk");

    private StoreRequestParser() {
    }

    /**
     * @param root the body
     * @param createdBy the caller's key id
     * @param maxTargets most target names
     * @param maxScriptBytes largest script
     * @return the submission
     * @throws OrreryException {@code INVALID_REQUEST}, {@code NO_TARGET}, {@code TOO_MANY_TARGETS}, {@code CONTENT_TOO_LARGE}
     */
    static TaskSubmission parse(JsonNode root, String createdBy, int maxTargets, int maxScriptBytes) {
        Fields.refuseUnknown(root, FIELDS, "");
        byte[] script = content(root, "content", maxScriptBytes);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("interpreter", interpreter(root, "interpreter"));
        String args = args(root.get("args"), "args");
        if (args != null) {
            params.put("args", args);
        }
        params.put("sha256", sha256(script));
        putIfPresent(params, "runAs", Fields.optionalText(root, "runAs"));
        putIfPresent(params, "cwd", Fields.optionalText(root, "cwd"));
        putIfPresent(params, DataTopics.PARAM, DataTopics.forTask(Fields.optionalText(root, DataTopics.PARAM)));
        int timeout = Fields.optionalInt(root, "timeoutSeconds", CmdRequestParser.DEFAULT_TIMEOUT_SECONDS, 1,
                CmdRequestParser.MAX_TIMEOUT_SECONDS);
        return new TaskSubmission(TaskTypes.STORE, Fields.targets(root.get("targets"), maxTargets), params, script, timeout, createdBy);
    }

    /** @return the script's UTF-8 bytes: required, not blank, at most {@code maxScriptBytes} */
    static byte[] content(JsonNode object, String path, int maxScriptBytes) {
        String name = path.substring(path.lastIndexOf('.') + 1);
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            throw Fields.invalid(path + " is required");
        }
        if (!node.isTextual()) {
            throw Fields.invalid(path + " must be a string, not " + Fields.typeOf(node));
        }
        byte[] script = node.textValue().getBytes(StandardCharsets.UTF_8);
        if (script.length > maxScriptBytes) {
            throw new OrreryException(ErrorCode.CONTENT_TOO_LARGE, path + " is " + script.length + " bytes; at most " + maxScriptBytes
                    + " bytes are accepted");
        }
        if (node.textValue().isBlank()) {
            throw Fields.invalid(path + " is empty");
        }
        return script;
    }

    /** @return the interpreter named at {@code path}, or the default */
    static String interpreter(JsonNode object, String path) {
        String value = Fields.optionalText(object, path.substring(path.lastIndexOf('.') + 1));
        if (value == null) {
            return DEFAULT_INTERPRETER;
        }
        if (value.isBlank() || value.length() > MAX_INTERPRETER_CHARS || !value.chars().noneMatch(c -> Character.isWhitespace(c) || c == 0)) {
            throw Fields.invalid(path + " must be a program (a name or a path) without spaces");
        }
        return value;
    }

    /** @return the arguments as a JSON array text, or {@code null} when none were given */
    static String args(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw Fields.invalid(path + " must be an array of strings, not " + Fields.typeOf(node));
        }
        if (node.size() > MAX_ARGS) {
            throw Fields.invalid(path + " has " + node.size() + " items; at most " + MAX_ARGS + " are accepted");
        }
        List<String> args = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw Fields.invalid(path + "[" + i + "] must be a string, not " + Fields.typeOf(node.get(i)));
            }
            args.add(node.get(i).textValue());
        }
        try {
            return Json.MAPPER.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a list of strings", e);
        }
    }

    /** @return lowercase hex SHA-256 */
    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static void putIfPresent(Map<String, String> params, String name, String value) {
        if (value != null && !value.isBlank()) {
            params.put(name, value);
        }
    }
}
