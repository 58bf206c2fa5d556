package dev.orrery.center.security.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.security.Authorizer;
import dev.orrery.center.store.ApiAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.shiro.authz.Permission;
import org.apache.shiro.authz.permission.WildcardPermission;
import org.osgi.service.component.annotations.Component;

/**
 * {@link Authorizer} on Shiro's {@link WildcardPermission}: the role table below plus the
 * account's extra permissions. Parsed permissions are cached (the set of distinct permission
 * strings is small: the role table, the annotations of the API and what admins granted).
 */
@Component(service = Authorizer.class)
public final class ShiroAuthorizer implements Authorizer {
    /** Role to permissions: the table of docs/accounts.md. */
    static final Map<String, List<String>> ROLE_PERMISSIONS = Map.of(
            ADMIN, List.of("*"),
            OPERATOR, List.of("host:read", "task:*", "cron:*", "data:read", "hostaccount:*", "market:read,upload,subscribe"),
            VIEWER, List.of("host:read", "task:read", "cron:read", "data:read", "market:read"));
    private static final Pattern VALID = Pattern.compile("(\\*|[a-z0-9_-]+(,[a-z0-9_-]+)*)(:(\\*|[a-z0-9_-]+(,[a-z0-9_-]+)*))*");
    private static final int MAX_LENGTH = 128;
    private static final int MAX_CACHED = 10_000;

    private final Map<String, Permission> parsed = new ConcurrentHashMap<>();

    @Override
    public boolean permitted(ApiAccount account, String permission) {
        if (account == null || !account.enabled() || permission == null || !valid(permission)) {
            return false;
        }
        Permission wanted = parse(permission);
        for (String held : held(account)) {
            if (valid(held) && parse(held).implies(wanted)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void require(ApiAccount account, String permission) {
        if (!permitted(account, permission)) {
            throw new OrreryException(ErrorCode.FORBIDDEN, "this account (role " + (account == null ? "none" : account.role())
                    + ") lacks the permission " + permission, List.of(String.valueOf(permission)));
        }
    }

    @Override
    public boolean valid(String permission) {
        return permission != null && permission.length() <= MAX_LENGTH && VALID.matcher(permission).matches();
    }

    private static List<String> held(ApiAccount account) {
        List<String> all = new ArrayList<>(ROLE_PERMISSIONS.getOrDefault(account.role(), List.of()));
        all.addAll(account.permissions());
        return all;
    }

    private Permission parse(String permission) {
        Permission p = parsed.get(permission);
        if (p == null) {
            p = new WildcardPermission(permission, true);
            if (parsed.size() < MAX_CACHED) {
                parsed.put(permission, p);
            }
        }
        return p;
    }
}
