package dev.orrery.center.security;

import dev.orrery.api.OrreryException;
import dev.orrery.center.store.ApiAccount;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Decides what an account may do. Permissions are Apache Shiro wildcard permissions
 * ({@code domain:action}, {@code *} for any part). An account holds its role's permissions
 * and its own extra ones:
 * <ul>
 * <li>{@code admin}: {@code *} (everything)</li>
 * <li>{@code operator}: {@code host:read}, {@code task:*}, {@code cron:*}, {@code data:read},
 * {@code hostaccount:*}</li>
 * <li>{@code viewer}: {@code host:read}, {@code task:read}, {@code cron:read}, {@code data:read}</li>
 * </ul>
 * A disabled account holds no permission; an unknown role adds none. Thread-safe.
 */
@ProviderType
public interface Authorizer {
    /** Role with every permission. */
    String ADMIN = "admin";
    /** Role that reads hosts, runs, reads and cancels tasks, manages cron jobs and host accounts, reads data. */
    String OPERATOR = "operator";
    /** Role that reads hosts, tasks, cron jobs and data. */
    String VIEWER = "viewer";
    /** The roles. */
    List<String> ROLES = List.of(ADMIN, OPERATOR, VIEWER);
    /** Permission to confirm a command the high-risk guard blocks ({@code "confirmHighRisk": true}). */
    String CMD_HIGHRISK = "cmd:highrisk";

    /**
     * @param account an account
     * @param permission a permission such as {@code task:submit}
     * @return whether the account is enabled and its role or extra permissions imply it
     */
    boolean permitted(ApiAccount account, String permission);

    /**
     * @param account an account
     * @param permission a permission
     * @throws OrreryException {@code FORBIDDEN} naming the permission when not {@link #permitted}
     */
    void require(ApiAccount account, String permission);

    /**
     * @param permission a permission as written by an administrator
     * @return whether it is valid wildcard syntax ({@code part(:part)*}, each part one or more
     *     comma-separated words of {@code [a-z0-9_-]} or {@code *})
     */
    boolean valid(String permission);
}
