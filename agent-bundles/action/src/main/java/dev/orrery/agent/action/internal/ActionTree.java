package dev.orrery.agent.action.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orrery.api.TaskTypes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An action tree: a node is {@code {"and":[…]}} (in order, stop at the first false),
 * {@code {"or":[…]}} (in order, stop at the first true), {@code {"not":{…}}}, or a step
 * {@code {"cmd":{…}}}, {@code {"store":{…}}}, {@code {"plugin":{…}}}, {@code {"file":{…}}}.
 */
final class ActionTree {
    /** The step types a tree may name. */
    static final Set<String> STEP_TYPES = Set.of(TaskTypes.CMD, TaskTypes.STORE, TaskTypes.PLUGIN, TaskTypes.FILE);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A node of the tree. */
    sealed interface Node permits And, Or, Not, Step {
    }

    /** @param children evaluated in order, stop at the first false */
    record And(List<Node> children) implements Node {
    }

    /** @param children evaluated in order, stop at the first true */
    record Or(List<Node> children) implements Node {
    }

    /** @param child negated */
    record Not(Node child) implements Node {
    }

    /**
     * @param index 1-based position in the tree (pre-order), the {@code s<N>} of its task id
     * @param path where it is, e.g. {@code and[0]/or[1]}; {@code root} for a tree that is one step
     * @param type its task type
     * @param spec what the step asks, a JSON object or (for {@code cmd}) the command as a string
     */
    record Step(int index, String path, String type, JsonNode spec) implements Node {
    }

    /** A tree that cannot be run. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private final ActionSettings settings;
    private int steps;

    private ActionTree(ActionSettings settings) {
        this.settings = settings;
    }

    /**
     * @param json the tree as the caller sent it
     * @param settings the limits
     * @return its root
     * @throws Invalid naming what is wrong and where
     */
    static Node parse(String json, ActionSettings settings) throws Invalid {
        JsonNode root;
        try {
            root = json == null || json.isBlank() ? null : JSON.readTree(json);
        } catch (IOException e) {
            throw new Invalid("parameter 'action' is not valid JSON");
        }
        if (root == null) {
            throw new Invalid("parameter 'action' is required");
        }
        return new ActionTree(settings).node(root, "", 1);
    }

    private Node node(JsonNode n, String path, int depth) throws Invalid {
        String at = path.isEmpty() ? "root" : path;
        if (depth > settings.maxDepth()) {
            throw new Invalid("the action is nested deeper than " + settings.maxDepth() + " at " + at);
        }
        if (n == null || !n.isObject() || n.size() != 1) {
            throw new Invalid("node " + at + " must be an object with exactly one of and, or, not, " + String.join(", ",
                    STEP_TYPES.stream().sorted().toList()));
        }
        Map.Entry<String, JsonNode> e = n.fields().next();
        String key = e.getKey();
        JsonNode v = e.getValue();
        switch (key) {
            case "and", "or" -> {
                if (!v.isArray() || v.isEmpty()) {
                    throw new Invalid("'" + key + "' at " + at + " must be a non-empty array of nodes");
                }
                List<Node> children = new ArrayList<>();
                for (int i = 0; i < v.size(); i++) {
                    children.add(node(v.get(i), join(path, key + "[" + i + "]"), depth + 1));
                }
                return key.equals("and") ? new And(children) : new Or(children);
            }
            case "not" -> {
                return new Not(node(v, join(path, "not"), depth + 1));
            }
            default -> {
                if (!STEP_TYPES.contains(key)) {
                    throw new Invalid("unknown node '" + key + "' at " + at);
                }
                if (!v.isObject() && !(key.equals(TaskTypes.CMD) && v.isTextual())) {
                    throw new Invalid("step '" + key + "' at " + at + " must be an object");
                }
                if (++steps > settings.maxSteps()) {
                    throw new Invalid("the action has more than " + settings.maxSteps() + " steps");
                }
                return new Step(steps, at, key, v);
            }
        }
    }

    private static String join(String path, String segment) {
        return path.isEmpty() ? segment : path + "/" + segment;
    }
}
