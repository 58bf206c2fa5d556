package dev.orrery.center.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * API accounts and their command-mapping aliases. Secrets are kept sealed with the
 * {@link MasterKey} and handed out opened (in {@link ApiAccount#secret()}) to the code that
 * verifies signatures; callers never log them. Thread-safe; durable when a method returns.
 */
@ProviderType
public interface AccountStore {

    /**
     * @param keyId a key id
     * @return the account, if known
     */
    Optional<ApiAccount> find(String keyId);

    /**
     * @param name an account name
     * @return the account of that name, if known
     * @since 0.6
     */
    Optional<ApiAccount> findByName(String name);

    /**
     * @return every account, ordered by name
     * @since 0.6
     */
    List<ApiAccount> list();

    /** @return how many accounts exist */
    int count();

    /**
     * @param account a new account
     * @throws IllegalStateException if the key id or the name exists
     * @throws IllegalArgumentException if a list value contains a line break
     */
    void create(ApiAccount account);

    /**
     * Rewrites everything of an account but its key id, secret and creation time: name, role,
     * enabled, groups, task types, command mapping, permissions.
     *
     * @param account the account as it should be
     * @return {@code false} if no account has its key id
     * @throws IllegalStateException if another account has its name
     * @since 0.6
     */
    boolean update(ApiAccount account);

    /**
     * @param keyId a key id
     * @param secret the new secret (stored sealed)
     * @return {@code false} if no account has that key id
     * @since 0.6
     */
    boolean rotate(String keyId, String secret);

    /**
     * Deletes an account and its aliases.
     *
     * @param keyId a key id
     * @return {@code false} if no account had that key id
     * @since 0.6
     */
    boolean delete(String keyId);

    /**
     * The account's aliases for some programs, creating the missing ones: 8 characters
     * {@code [a-z0-9]} starting with a letter, random, unique among all accounts (so no two
     * accounts share an alias).
     *
     * @param keyId a key id
     * @param programs program names (e.g. {@code reboot}, {@code /usr/bin/uptime})
     * @return program to alias, in the order given
     * @throws IllegalArgumentException for an unknown key id or a blank or over-long (255) program name
     * @since 0.6
     */
    Map<String, String> aliases(String keyId, Collection<String> programs);

    /**
     * @param keyId a key id
     * @param alias one of its aliases
     * @return the program it stands for, if the account has that alias
     * @since 0.6
     */
    Optional<String> program(String keyId, String alias);
}
