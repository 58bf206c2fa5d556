package dev.orrery.center.security;

import dev.orrery.api.OrreryException;
import dev.orrery.center.store.ApiAccount;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Managing API accounts. Key ids look like {@code key-} and 16 hex digits; secrets are 32 random
 * bytes in unpadded base64url, returned only by {@link #create} and {@link #rotate} and stored
 * sealed. The accounts returned by the other methods still carry the secret (the signature
 * check needs it): callers must never show or log it. The last enabled admin can be neither
 * disabled nor deleted. Thread-safe.
 */
@ProviderType
public interface AccountService {

    /**
     * @param spec the account to create
     * @return the new account, enabled, with its key id and secret (shown to the caller once)
     * @throws OrreryException {@code INVALID_REQUEST} for a bad name, role, group, task type or
     *     permission; {@code ALREADY_EXISTS} when the name is taken
     */
    ApiAccount create(AccountSpec spec);

    /** @return every account, ordered by name */
    List<ApiAccount> list();

    /**
     * @param keyId a key id
     * @return the account
     * @throws OrreryException {@code NOT_FOUND}
     */
    ApiAccount get(String keyId);

    /**
     * @param keyId a key id
     * @return the account, enabled
     * @throws OrreryException {@code NOT_FOUND}
     */
    ApiAccount enable(String keyId);

    /**
     * A disabled account's requests are refused with 401 from the next request on.
     *
     * @param keyId a key id
     * @return the account, disabled
     * @throws OrreryException {@code NOT_FOUND}; {@code FORBIDDEN} for the last enabled admin
     */
    ApiAccount disable(String keyId);

    /**
     * Replaces the secret: the old one stops working at once.
     *
     * @param keyId a key id
     * @return the account with its new secret (shown to the caller once)
     * @throws OrreryException {@code NOT_FOUND}
     */
    ApiAccount rotate(String keyId);

    /**
     * @param keyId a key id
     * @throws OrreryException {@code NOT_FOUND}; {@code FORBIDDEN} for the last enabled admin
     */
    void delete(String keyId);

    /**
     * The account's aliases for programs, created on first request (random, different for every account).
     *
     * @param keyId a key id
     * @param programs program names such as {@code reboot} or {@code /usr/bin/uptime}: 1 to 255
     *     characters {@code [A-Za-z0-9._/+@-]}, at most 100
     * @return program to alias, in the order given
     * @throws OrreryException {@code NOT_FOUND}; {@code INVALID_REQUEST} for a bad program name
     */
    Map<String, String> mapping(String keyId, List<String> programs);
}
