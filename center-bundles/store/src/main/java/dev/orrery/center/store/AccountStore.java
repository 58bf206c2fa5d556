package dev.orrery.center.store;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** API accounts. Thread-safe; durable when a method returns. */
@ProviderType
public interface AccountStore {

    /**
     * @param keyId a key id
     * @return the account, if known
     */
    Optional<ApiAccount> find(String keyId);

    /** @return how many accounts exist */
    int count();

    /**
     * @param account a new account
     * @throws IllegalStateException if the key id exists
     */
    void create(ApiAccount account);
}
