package dev.orrery.agent.action.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The stdout of an action's result: {@code {"result":true|false,"steps":[{"path","type","state",
 * "exitCode","stdout","stderr","truncated","error":{"code","message"}|null}]}}, every step that ran,
 * in order, its output capped per step and in total.
 */
final class ActionReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int perStep;
    private int budget;
    private boolean truncated;

    /**
     * @param perStep cap per step and stream
     * @param total cap of all output together
     */
    ActionReport(int perStep, int total) {
        this.perStep = perStep;
        this.budget = total;
    }

    /**
     * @param result the value of the tree, {@code null} when it was not decided (cancelled, timed out)
     * @param ran the steps that ran
     * @return the JSON text
     */
    String json(Boolean result, List<Evaluation.Ran> ran) {
        ObjectNode root = JSON.createObjectNode();
        if (result == null) {
            root.putNull("result");
        } else {
            root.put("result", result);
        }
        ArrayNode steps = root.putArray("steps");
        for (Evaluation.Ran r : ran) {
            ObjectNode s = steps.addObject();
            s.put("path", r.step().path());
            s.put("type", r.step().type());
            s.put("state", r.outcome().state().name());
            s.put("exitCode", r.outcome().exitCode());
            byte[] out = r.outcome().stdout();
            byte[] err = r.outcome().stderr();
            String outText = cap(out);
            int outShown = shown;
            String errText = cap(err);
            boolean cut = r.outcome().truncated() || outShown < out.length || shown < err.length;
            s.put("stdout", outText);
            s.put("stderr", errText);
            s.put("truncated", cut);
            if (r.outcome().error() == null) {
                s.putNull("error");
            } else {
                s.putObject("error").put("code", r.outcome().error().name()).put("message", r.outcome().errorMessage());
            }
            truncated |= cut;
        }
        return root.toString();
    }

    /** @return whether any step's output was cut */
    boolean truncated() {
        return truncated;
    }

    /** How many bytes the last {@link #cap} kept. */
    private int shown;

    private String cap(byte[] b) {
        shown = Math.min(b.length, Math.min(perStep, budget));
        budget -= shown;
        return new String(Arrays.copyOf(b, shown), StandardCharsets.UTF_8);
    }
}
