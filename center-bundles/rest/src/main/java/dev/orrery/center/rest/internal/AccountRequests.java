package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.center.security.AccountSpec;
import dev.orrery.center.store.ApiAccount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The bodies and answers of {@code /accounts}: strict parsing, and views that never hold a secret unless asked to. */
final class AccountRequests {
    private static final Set<String> FIELDS = Set.of("name", "role", "groups", "taskTypes", "commandMapping", "permissions");
    private static final int MAX_LIST = 100;

    private AccountRequests() {
    }

    /**
     * @param body {@code {"name","role","groups","taskTypes","commandMapping","permissions"}}
     * @return the spec (values are validated by the account service)
     */
    static AccountSpec spec(byte[] body) {
        JsonNode root = CmdRequestParser.readObject(body);
        Fields.refuseUnknown(root, FIELDS, "");
        return new AccountSpec(Fields.requiredText(root, "name"), Fields.requiredText(root, "role"), texts(root, "groups"),
                texts(root, "taskTypes"), optionalBoolean(root, "commandMapping"), texts(root, "permissions"));
    }

    /**
     * @param object a JSON object
     * @param name a field
     * @return its boolean value, {@code false} when absent or null
     */
    static boolean optionalBoolean(JsonNode object, String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw Fields.invalid(name + " must be true or false, not " + Fields.typeOf(node));
        }
        return node.booleanValue();
    }

    private static List<String> texts(JsonNode object, String name) {
        JsonNode node = object.get(name);
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw Fields.invalid(name + " must be an array of strings, not " + Fields.typeOf(node));
        }
        if (node.size() > MAX_LIST) {
            throw Fields.invalid(name + " has " + node.size() + " entries; at most " + MAX_LIST + " are accepted");
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw Fields.invalid(name + " must hold strings only, not " + Fields.typeOf(item));
            }
            out.add(item.textValue());
        }
        return out;
    }

    /**
     * @param a an account
     * @return its public view: everything but the secret
     */
    static Map<String, Object> view(ApiAccount a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("keyId", a.keyId());
        m.put("name", a.name());
        m.put("role", a.role());
        m.put("enabled", a.enabled());
        m.put("createdAt", a.createdAt());
        m.put("groups", a.groups());
        m.put("taskTypes", a.taskTypes());
        m.put("commandMapping", a.commandMapping());
        m.put("permissions", a.permissions());
        return m;
    }

    /**
     * @param a an account just created or rotated
     * @return its view with the secret, shown this once
     */
    static Map<String, Object> withSecret(ApiAccount a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("keyId", a.keyId());
        m.put("secret", a.secret());
        m.putAll(view(a));
        return m;
    }
}
