package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an audited request asked for, taken from its JSON body: the targets, the command (or a
 * short summary of the other fields, secrets masked), and whether it confirmed a high-risk
 * command. Never throws: a body that is not a JSON object is summarised by its size.
 *
 * @param targets e.g. {@code hosts=web-1,web-2 groups=demo}, empty without targets
 * @param detail the command, else {@code field=value} pairs, else empty
 * @param confirmHighRisk whether the body had {@code "confirmHighRisk": true}
 */
record AuditSummary(String targets, String detail, boolean confirmHighRisk) {
    /** Most target names listed; the rest are counted. */
    static final int MAX_NAMES = 50;
    private static final int MAX_VALUE_CHARS = 80;
    private static final Set<String> SECRET_WORDS = Set.of("secret", "password", "token", "passphrase", "credential", "privatekey");
    private static final AuditSummary NONE = new AuditSummary("", "", false);

    /**
     * @param body the request body as received, may be {@code null} or empty
     * @return the summary
     */
    static AuditSummary of(byte[] body) {
        if (body == null || body.length == 0) {
            return NONE;
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException | RuntimeException e) {
            return new AuditSummary("", "body of " + body.length + " bytes, not JSON", false);
        }
        if (root == null || !root.isObject()) {
            return new AuditSummary("", "body of " + body.length + " bytes, not a JSON object", false);
        }
        JsonNode command = root.get("command");
        String detail = command != null && command.isTextual() ? command.textValue() : fields(root);
        JsonNode confirm = root.get("confirmHighRisk");
        return new AuditSummary(targets(root.get("targets")), detail, confirm != null && confirm.isBoolean() && confirm.booleanValue());
    }

    private static String targets(JsonNode targets) {
        if (targets == null || !targets.isObject()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String kind : List.of("hosts", "groups")) {
            JsonNode list = targets.get(kind);
            if (list != null && list.isArray() && !list.isEmpty()) {
                parts.add(kind + "=" + names(list));
            }
        }
        return String.join(" ", parts);
    }

    private static String names(JsonNode list) {
        StringBuilder s = new StringBuilder();
        int shown = Math.min(list.size(), MAX_NAMES);
        for (int i = 0; i < shown; i++) {
            s.append(i == 0 ? "" : ",").append(list.get(i).isTextual() ? list.get(i).textValue() : list.get(i).toString());
        }
        if (list.size() > shown) {
            s.append(",+").append(list.size() - shown).append(" more");
        }
        return s.toString();
    }

    /** Top-level fields other than targets, as {@code name=value}; secrets masked, long values cut. */
    private static String fields(JsonNode root) {
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getKey().equals("targets")) {
                parts.add(f.getKey() + "=" + value(f.getKey(), f.getValue()));
            }
        }
        return String.join(" ", parts);
    }

    private static String value(String name, JsonNode v) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (SECRET_WORDS.stream().anyMatch(lower::contains)) {
            return "***";
        }
        if (v.isArray()) {
            return "[" + v.size() + (v.size() == 1 ? " item]" : " items]");
        }
        if (v.isObject()) {
            return "{" + v.size() + (v.size() == 1 ? " field}" : " fields}");
        }
        String text = v.isTextual() ? v.textValue() : v.toString();
        return text.length() > MAX_VALUE_CHARS ? text.substring(0, MAX_VALUE_CHARS) + "..." : text;
    }
}
