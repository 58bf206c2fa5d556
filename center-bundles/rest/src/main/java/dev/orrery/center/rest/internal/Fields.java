package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.proxy.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Typed, strict access to the fields of a parsed JSON body; every failure is {@code INVALID_REQUEST}. */
final class Fields {
    private static final Set<String> TARGET_FIELDS = Set.of("hosts", "groups");
    private static final int MAX_TARGET_NAMES = 1_000_000;
    /** Longest host or group name accepted (a DNS name has at most 253). */
    static final int MAX_TARGET_CHARS = 255;

    private Fields() {
    }

    static void refuseUnknown(JsonNode object, Set<String> known, String prefix) {
        List<String> unknown = new ArrayList<>();
        object.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                unknown.add(prefix + name);
            }
        });
        if (!unknown.isEmpty()) {
            throw invalid("unknown field" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown), unknown);
        }
    }

    static String requiredText(JsonNode object, String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            throw invalid(name + " is required");
        }
        if (!node.isTextual()) {
            throw invalid(name + " must be a string, not " + typeOf(node));
        }
        return node.textValue();
    }

    static String optionalText(JsonNode object, String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(name + " must be a string, not " + typeOf(node));
        }
        return node.textValue();
    }

    static int optionalInt(JsonNode object, String name, int fallback, int min, int max) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber()) {
            throw invalid(name + " must be a whole number, not " + typeOf(node));
        }
        if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            throw invalid(name + " must be between " + min + " and " + max);
        }
        return node.intValue();
    }

    /**
     * @param node the {@code targets} value
     * @return the targets, at least one name, at most {@link ApiLimits#DEFAULTS}' target limit
     */
    static Targets targets(JsonNode node) {
        return targets(node, ApiLimits.DEFAULTS.maxTargets());
    }

    /**
     * @param node the {@code targets} value
     * @param maxTargets most names (hosts plus groups) accepted
     * @return the targets, at least one name
     * @throws OrreryException {@code NO_TARGET}, {@code INVALID_REQUEST}, {@code TOO_MANY_TARGETS}
     */
    static Targets targets(JsonNode node, int maxTargets) {
        if (node == null || node.isNull()) {
            throw new OrreryException(ErrorCode.NO_TARGET, "targets is required: {\"hosts\":[...],\"groups\":[...]}");
        }
        if (!node.isObject()) {
            throw invalid("targets must be an object {\"hosts\":[...],\"groups\":[...]}, not " + typeOf(node));
        }
        refuseUnknown(node, TARGET_FIELDS, "targets.");
        int named = sizeOf(node.get("hosts")) + sizeOf(node.get("groups"));
        if (named > maxTargets) {
            throw new OrreryException(ErrorCode.TOO_MANY_TARGETS, "the request names " + named + " targets (hosts plus groups); at most "
                    + maxTargets + " are accepted in one request (maxTargets)");
        }
        Targets targets = new Targets(names(node, "hosts"), names(node, "groups"));
        if (targets.isEmpty()) {
            throw new OrreryException(ErrorCode.NO_TARGET, "targets names no host and no group");
        }
        return targets;
    }

    private static List<String> names(JsonNode targets, String name) {
        JsonNode node = targets.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw invalid("targets." + name + " must be an array of strings, not " + typeOf(node));
        }
        if (node.size() > MAX_TARGET_NAMES) {
            throw invalid("targets." + name + " has more than " + MAX_TARGET_NAMES + " entries");
        }
        List<String> names = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            if (!item.isTextual() || item.textValue().isBlank()) {
                throw invalid("targets." + name + " must hold non-empty strings, found " + (item.isTextual() ? "an empty string" : typeOf(item)));
            }
            if (item.textValue().length() > MAX_TARGET_CHARS) {
                throw invalid("targets." + name + " holds a name longer than " + MAX_TARGET_CHARS + " characters");
            }
            names.add(item.textValue().trim());
        }
        return names;
    }

    private static int sizeOf(JsonNode list) {
        return list != null && list.isArray() ? list.size() : 0;
    }

    static String typeOf(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    static OrreryException invalid(String message) {
        return new OrreryException(ErrorCode.INVALID_REQUEST, message);
    }

    static OrreryException invalid(String message, List<String> details) {
        return new OrreryException(ErrorCode.INVALID_REQUEST, message, details);
    }
}
