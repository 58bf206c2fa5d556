package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.TaskTypes;
import dev.orrery.center.proxy.Targets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the bodies of {@code /host-accounts} strictly (unknown fields refused, one JSON type per
 * field) into the params of {@code accounts} tasks. The user name and the key are checked here as
 * well as on the agent, so that a typo is a 400 rather than a failure on every host.
 */
final class HostAccountRequests {
    /** Per-host timeout of account tasks, seconds. */
    static final int TIMEOUT_SECONDS = 120;
    static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
    private static final Pattern KEY = Pattern.compile("(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\\.com"
            + "|sk-ecdsa-sha2-nistp256@openssh\\.com) [A-Za-z0-9+/]+={0,2}( [\\x20-\\x7e]{0,512})?");
    private static final Set<String> CREATE = Set.of("targets", "user", "sshPublicKey", "sudo", "kind", "dryRun");
    private static final Set<String> ROTATE = Set.of("targets", "user", "dryRun");
    private static final Set<String> TRUST = Set.of("from", "to", "user", "create", "dryRun");

    /** A parsed request: where, and the task params. */
    record Parsed(Targets targets, Map<String, String> params) {
    }

    /** A parsed trust request. */
    record Trust(String from, Targets to, String user, boolean create) {
    }

    private HostAccountRequests() {
    }

    static Parsed create(JsonNode root, int maxTargets) {
        Fields.refuseUnknown(root, CREATE, "");
        Map<String, String> params = params("create", user(root));
        params.put("sshPublicKey", key(Fields.requiredText(root, "sshPublicKey")));
        params.put("sudo", Boolean.toString(AccountRequests.optionalBoolean(root, "sudo")));
        String kind = Fields.optionalText(root, "kind");
        if (kind != null && !kind.equals("personal") && !kind.equals("public")) {
            throw Fields.invalid("kind must be \"personal\" or \"public\"", List.of(kind));
        }
        params.put("kind", kind == null ? "personal" : kind);
        return new Parsed(Fields.targets(root.get("targets"), maxTargets), params);
    }

    static Parsed rotate(JsonNode root, int maxTargets) {
        Fields.refuseUnknown(root, ROTATE, "");
        return new Parsed(Fields.targets(root.get("targets"), maxTargets), params("rotate", user(root)));
    }

    static Trust trust(JsonNode root, int maxTargets) {
        Fields.refuseUnknown(root, TRUST, "");
        String from = Fields.requiredText(root, "from").trim();
        if (from.isEmpty() || from.length() > Fields.MAX_TARGET_CHARS) {
            throw Fields.invalid("from must name one host");
        }
        return new Trust(from, Fields.targets(root.get("to"), maxTargets), user(root), AccountRequests.optionalBoolean(root, "create"));
    }

    /**
     * @param user the path's user
     * @param hosts the {@code hosts} query parameter, comma separated, may be {@code null}
     * @param groups the {@code groups} query parameter, comma separated, may be {@code null}
     * @param maxTargets most names accepted
     * @return the delete request
     */
    static Parsed delete(String user, String hosts, String groups, int maxTargets) {
        checkUser(user);
        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put("hosts", split(hosts));
        targets.put("groups", split(groups));
        return new Parsed(Fields.targets(Json.MAPPER.valueToTree(targets), maxTargets), params("delete", user));
    }

    static Map<String, String> params(String op, String user) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("op", op);
        params.put("user", user);
        return params;
    }

    /** @return the task type all these requests submit */
    static String type() {
        return TaskTypes.ACCOUNTS;
    }

    private static String user(JsonNode root) {
        return checkUser(Fields.requiredText(root, "user"));
    }

    static String checkUser(String user) {
        if (user == null || !USER.matcher(user).matches()) {
            throw Fields.invalid("user must match [a-z_][a-z0-9_-]{0,31}", user == null ? List.of() : List.of(user));
        }
        if (user.equals("root")) {
            throw Fields.invalid("root is a system account; Orrery does not manage it", List.of(user));
        }
        return user;
    }

    static String key(String text) {
        String k = text.strip();
        if (k.contains("\n") || !KEY.matcher(k).matches()) {
            throw Fields.invalid("sshPublicKey must be one OpenSSH public key line 'type base64 [comment]' "
                    + "(ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256/384/521 or a security-key type)");
        }
        return k;
    }

    private static List<String> split(String csv) {
        List<String> out = new ArrayList<>();
        if (csv != null) {
            for (String s : csv.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }
}
