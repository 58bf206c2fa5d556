package dev.orrery.center.market.internal.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an agent's status section {@code plugins}: a JSON array of
 * {@code {"name","version","kind","state","failedVersion"?,"error"?}}. Read defensively: text that
 * is no JSON array means no plugins; entries without a name are skipped.
 */
public final class PluginsSection {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One plugin a host reports.
     *
     * @param name the plugin
     * @param version the installed version, {@code null} if none (only a failed attempt is known)
     * @param state the bundle state ({@code ACTIVE} when healthy), may be {@code null}
     * @param failedVersion the version whose last install failed (rolled back), else {@code null}
     * @param error why it failed, else {@code null}
     */
    public record Reported(String name, String version, String state, String failedVersion, String error) {
    }

    private PluginsSection() {
    }

    /**
     * @param json the section's text, may be {@code null}
     * @return plugin name → what the host reports, empty when unreadable
     */
    public static Map<String, Reported> parse(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (java.io.IOException | RuntimeException e) {
            return Map.of();
        }
        if (root == null || !root.isArray()) {
            return Map.of();
        }
        Map<String, Reported> out = new LinkedHashMap<>();
        for (JsonNode n : root) {
            String name = text(n, "name");
            if (name != null) {
                out.put(name, new Reported(name, text(n, "version"), text(n, "state"), text(n, "failedVersion"), text(n, "error")));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v != null && v.isTextual() && !v.textValue().isBlank() ? v.textValue() : null;
    }
}
