package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.center.store.HostInventory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses {@code PUT /hosts/{id}}: {@code {"owner","groups","labels","expectedSn","expectedIp"}}.
 * Owner and expectations are set as given (absent, {@code null} or empty clears them); groups
 * and labels replace the host's when given and stay as they are when absent or {@code null}.
 */
final class HostInventoryParser {
    private static final Set<String> FIELDS = Set.of("owner", "groups", "labels", "expectedSn", "expectedIp");
    private static final int MAX_NAME = 255;
    private static final int MAX_LABEL_VALUE = 4000;
    private static final int MAX_ITEMS = 1000;
    /** IPv4 or IPv6 text (checked loosely: digits, hex, dots and colons). */
    private static final Pattern IP = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

    private HostInventoryParser() {
    }

    /**
     * @param root the body
     * @return the inventory
     * @throws dev.orrery.api.OrreryException {@code INVALID_REQUEST} naming the field
     */
    static HostInventory parse(JsonNode root) {
        Fields.refuseUnknown(root, FIELDS, "");
        String ip = name(root, "expectedIp", 45);
        if (ip != null && !IP.matcher(ip).matches()) {
            throw Fields.invalid("expectedIp must be an IPv4 or IPv6 address");
        }
        return new HostInventory(name(root, "owner", MAX_NAME), groups(root.get("groups")), labels(root.get("labels")),
                name(root, "expectedSn", MAX_NAME), ip);
    }

    private static String name(JsonNode root, String field, int max) {
        String v = Fields.optionalText(root, field);
        if (v == null || v.isBlank()) {
            return null;
        }
        v = v.strip();
        if (v.length() > max || v.chars().anyMatch(Character::isISOControl)) {
            throw Fields.invalid(field + " must be at most " + max + " characters without control characters");
        }
        return v;
    }

    private static List<String> groups(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.size() > MAX_ITEMS) {
            throw Fields.invalid("groups must be an array of at most " + MAX_ITEMS + " group names");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode g = node.get(i);
            if (!g.isTextual() || g.textValue().isBlank() || g.textValue().length() > MAX_NAME
                    || g.textValue().chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c) || c == ',')) {
                throw Fields.invalid("groups[" + i + "] must be a name of 1-" + MAX_NAME + " characters without spaces or commas");
            }
            out.add(g.textValue());
        }
        return out;
    }

    private static Map<String, String> labels(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject() || node.size() > MAX_ITEMS) {
            throw Fields.invalid("labels must be an object of at most " + MAX_ITEMS + " names to strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().isBlank() || e.getKey().length() > MAX_NAME || !e.getValue().isTextual()
                    || e.getValue().textValue().length() > MAX_LABEL_VALUE) {
                throw Fields.invalid("labels." + e.getKey() + " must be a string of at most " + MAX_LABEL_VALUE
                        + " characters under a name of 1-" + MAX_NAME, List.of(e.getKey()));
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return out;
    }
}
