package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import java.util.Map;

/**
 * Validates the tree of {@code POST /action}, once, at the center: a node is {@code {"and":[…]}},
 * {@code {"or":[…]}}, {@code {"not":node}} or a step {@code {"cmd":…}}, {@code {"store":…}},
 * {@code {"plugin":{…}}}, {@code {"file":{…}}}; exactly one key per node; at most
 * {@value #MAX_DEPTH} levels, {@value #MAX_STEPS} steps, and {@code maxScriptBytes} of store
 * scripts in all. Every refusal is {@code INVALID_REQUEST} (or {@code CONTENT_TOO_LARGE}) naming
 * the JSON path, such as {@code action.and[2].store.content}. The agent evaluates the tree as sent.
 */
final class ActionTree {
    /** Deepest nesting of nodes. */
    static final int MAX_DEPTH = 16;
    /** Most steps in one tree. */
    static final int MAX_STEPS = 64;
    private final int maxScriptBytes;
    private int steps;
    private long scriptBytes;

    private ActionTree(int maxScriptBytes) {
        this.maxScriptBytes = maxScriptBytes;
    }

    /**
     * @param tree the {@code action} value
     * @param maxScriptBytes most bytes of store scripts in the whole tree
     * @throws OrreryException {@code INVALID_REQUEST} or {@code CONTENT_TOO_LARGE} naming the path
     */
    static void validate(JsonNode tree, int maxScriptBytes) {
        if (tree == null || tree.isNull()) {
            throw Fields.invalid("action is required");
        }
        new ActionTree(maxScriptBytes).node(tree, "action", 1);
    }

    private void node(JsonNode node, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw invalid(path, "is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (!node.isObject() || node.size() != 1) {
            throw invalid(path, "must be an object with exactly one of and, or, not, cmd, store, plugin, file");
        }
        Map.Entry<String, JsonNode> only = node.fields().next();
        String at = path + "." + only.getKey();
        JsonNode v = only.getValue();
        switch (only.getKey()) {
            case "and", "or" -> {
                if (!v.isArray() || v.isEmpty()) {
                    throw invalid(at, "must be a non-empty array of nodes");
                }
                for (int i = 0; i < v.size(); i++) {
                    node(v.get(i), at + "[" + i + "]", depth + 1);
                }
            }
            case "not" -> node(v, at, depth + 1);
            case "cmd" -> step(at, () -> ActionSteps.cmd(v, at));
            case "store" -> step(at, () -> store(v, at));
            case "plugin" -> step(at, () -> ActionSteps.plugin(v, at));
            case "file" -> step(at, () -> {
                if (!v.isObject()) {
                    throw invalid(at, "must be an object");
                }
            });
            default -> throw invalid(path, "has the unknown key '" + only.getKey() + "'; a node is one of and, or, not, cmd, store,"
                    + " plugin, file");
        }
    }

    private void step(String path, Runnable check) {
        if (++steps > MAX_STEPS) {
            throw invalid(path, "is one step too many: at most " + MAX_STEPS + " steps per action");
        }
        check.run();
    }

    private void store(JsonNode v, String path) {
        scriptBytes += ActionSteps.store(v, path);
        if (scriptBytes > maxScriptBytes) {
            throw new OrreryException(ErrorCode.CONTENT_TOO_LARGE, "action: the store scripts up to " + path + ".content come to "
                    + scriptBytes + " bytes; at most " + maxScriptBytes + " bytes are accepted", java.util.List.of(path + ".content"));
        }
    }

    private static OrreryException invalid(String path, String what) {
        return Fields.invalid(path + " " + what, java.util.List.of(path));
    }
}
