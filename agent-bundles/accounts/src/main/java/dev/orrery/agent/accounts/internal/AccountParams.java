package dev.orrery.agent.accounts.internal;

import dev.orrery.agent.api.TaskRequest;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validated parameters of one {@code accounts} task. Nothing here ever reaches a shell: values
 * go to tools as separate arguments, and only after these checks.
 *
 * @param op create, delete, rotate, keygen or authorize
 * @param user the account name
 * @param key the public key ({@code create}, {@code authorize}), else {@code null}
 * @param sudo whether the account gets password-less sudo ({@code create})
 * @param kind personal or public ({@code create})
 * @param create whether {@code authorize} creates a missing account
 */
record AccountParams(String op, String user, SshKey key, boolean sudo, String kind, boolean create) {
    static final Set<String> OPS = Set.of("create", "delete", "rotate", "keygen", "authorize");
    static final String PERSONAL = "personal";
    static final String PUBLIC = "public";
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    /**
     * @param request the task
     * @return the parameters
     * @throws Failure {@code BAD_TASK} naming the invalid parameter
     */
    static AccountParams parse(TaskRequest request) throws Failure {
        String op = request.param("op", "");
        if (!OPS.contains(op)) {
            throw Failure.badTask("param 'op' must be one of create, delete, rotate, keygen, authorize; was '" + op + "'");
        }
        String user = request.param("user", "");
        if (!USER.matcher(user).matches()) {
            throw Failure.badTask("param 'user' must match [a-z_][a-z0-9_-]{0,31}");
        }
        SshKey key = null;
        if (op.equals("create") || op.equals("authorize")) {
            String text = request.params().get("sshPublicKey");
            if (text == null || text.isBlank()) {
                throw Failure.badTask("param 'sshPublicKey' is required for " + op);
            }
            key = SshKey.parse(text);
        }
        boolean sudo = bool(request, "sudo");
        String kind = request.param("kind", PERSONAL).toLowerCase(Locale.ROOT);
        if (!kind.equals(PERSONAL) && !kind.equals(PUBLIC)) {
            throw Failure.badTask("param 'kind' must be personal or public; was '" + kind + "'");
        }
        return new AccountParams(op, user, key, sudo, kind, bool(request, "create"));
    }

    private static boolean bool(TaskRequest request, String name) throws Failure {
        String v = request.param(name, "false").toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw Failure.badTask("param '" + name + "' must be true or false; was '" + v + "'");
        }
        return v.equals("true");
    }
}
