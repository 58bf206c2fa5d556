package dev.orrery.center.proxy.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.api.TaskTypes;
import dev.orrery.center.proxy.TaskSubmission;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What of a submission the high-risk guard reads: the command of a {@code cmd} task, the script
 * of a {@code store} task run by a shell, and every {@code cmd} step and shell {@code store}
 * step inside an {@code action} tree (the tree's shape was validated by the REST layer; here it
 * is only walked). Stateless.
 */
final class ScriptGuard {
    /** Interpreters whose scripts are shell text, by file name. */
    static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "zsh", "ksh");
    /** The interpreter of a store task that names none. */
    static final String DEFAULT_INTERPRETER = "/bin/sh";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DEPTH = 64;

    /**
     * Shell text to check, with where it comes from.
     *
     * @param where {@code command}, {@code script} or the JSON path of an action step
     * @param text the shell text
     */
    record Checked(String where, String text) {
    }

    private ScriptGuard() {
    }

    /**
     * @param s a submission
     * @return the shell texts of it the guard must pass, in order
     * @throws OrreryException {@code INVALID_REQUEST} for an action whose tree is not JSON
     */
    static List<Checked> texts(TaskSubmission s) {
        List<Checked> out = new ArrayList<>();
        if (TaskTypes.CMD.equals(s.type())) {
            out.add(new Checked("command", s.params().get("command")));
        } else if (TaskTypes.STORE.equals(s.type()) && isShell(s.params().get("interpreter"))) {
            out.add(new Checked("script", new String(s.body(), StandardCharsets.UTF_8)));
        } else if (TaskTypes.ACTION.equals(s.type())) {
            walk(tree(s.params().get("action")), "action", 0, out);
        }
        return out;
    }

    /** @return whether scripts for this interpreter are shell text ({@code null} or blank: the default, a shell) */
    static boolean isShell(String interpreter) {
        if (interpreter == null || interpreter.isBlank()) {
            return true;
        }
        String name = interpreter.strip();
        name = name.substring(name.lastIndexOf('/') + 1);
        return SHELLS.contains(name);
    }

    private static JsonNode tree(String text) {
        if (text == null) {
            throw new OrreryException(ErrorCode.INVALID_REQUEST, "an action task needs its tree in the parameter 'action'");
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new OrreryException(ErrorCode.INVALID_REQUEST, "the action tree is not JSON");
        }
    }

    private static void walk(JsonNode node, String path, int depth, List<Checked> out) {
        if (node == null || !node.isObject() || depth > MAX_DEPTH) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String at = path + "." + e.getKey();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "and", "or" -> {
                    for (int i = 0; v.isArray() && i < v.size(); i++) {
                        walk(v.get(i), at + "[" + i + "]", depth + 1, out);
                    }
                }
                case "not" -> walk(v, at, depth + 1, out);
                case "cmd" -> out.add(new Checked(at, v.isTextual() ? v.asText() : v.path("command").asText("")));
                case "store" -> {
                    if (isShell(v.path("interpreter").isTextual() ? v.path("interpreter").asText() : null)) {
                        out.add(new Checked(at, v.path("content").asText("")));
                    }
                }
                default -> {
                    // plugin, file: no shell text
                }
            }
        }
    }
}
