package dev.orrery.agent.action.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.TaskTypes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a step into the task its handler receives: task id {@code <taskId>.s<N>}, the step's
 * fields as parameters (text, numbers and booleans as text; {@code env} as {@code env.NAME}; other
 * arrays and objects as JSON text, e.g. {@code args}), {@code timeoutSeconds} capped by what is left
 * of the action's, and the action's {@value #CONFIRMED_PARAM}. A {@code cmd} step may be just the
 * command string. A {@code store} step's {@code content} becomes the body, with its {@code sha256}.
 */
final class StepRequests {
    /** The parameter in which the center names the high-risk rule a permitted submitter confirmed. */
    static final String CONFIRMED_PARAM = "confirmedHighRisk";
    static final String TIMEOUT = "timeoutSeconds";

    private StepRequests() {
    }

    /**
     * @param parent the action task
     * @param step the step
     * @param remainingSeconds what is left of the action's timeout, at least 1
     * @return the step's task
     */
    static TaskRequest of(TaskRequest parent, ActionTree.Step step, int remainingSeconds) {
        Map<String, String> params = new LinkedHashMap<>();
        byte[] body = null;
        int timeout = remainingSeconds;
        JsonNode spec = step.spec();
        if (spec.isTextual()) {
            params.put("command", spec.asText());
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = spec.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                String name = f.getKey();
                JsonNode v = f.getValue();
                if (v.isNull() || name.equals(CONFIRMED_PARAM)) {
                    continue;
                }
                if (name.equals(TIMEOUT) && v.canConvertToInt() && v.asInt() > 0) {
                    timeout = Math.min(v.asInt(), remainingSeconds);
                } else if (name.equals("env") && v.isObject()) {
                    v.fields().forEachRemaining(e -> params.put("env." + e.getKey(), e.getValue().asText()));
                } else if (name.equals("content") && step.type().equals(TaskTypes.STORE) && v.isTextual()) {
                    body = v.asText().getBytes(StandardCharsets.UTF_8);
                } else {
                    params.put(name, v.isValueNode() ? v.asText() : v.toString());
                }
            }
        }
        if (step.type().equals(TaskTypes.STORE) && body != null) {
            params.putIfAbsent("sha256", sha256(body));
        }
        String confirmed = parent.params().get(CONFIRMED_PARAM);
        if (confirmed != null) {
            params.put(CONFIRMED_PARAM, confirmed);
        }
        return new TaskRequest(parent.taskId() + ".s" + step.index(), parent.hostId(), step.type(), params, body, timeout);
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
