package dev.orrery.center.rest.internal;

import dev.orrery.center.store.AccountStore;
import dev.orrery.center.store.ApiAccount;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory accounts. */
final class FakeAccountStore implements AccountStore {
    final Map<String, ApiAccount> accounts = new ConcurrentHashMap<>();
    volatile RuntimeException failCreate;

    FakeAccountStore with(String keyId, String secret, boolean enabled) {
        accounts.put(keyId, new ApiAccount(keyId, secret, keyId, "admin", enabled, 0));
        return this;
    }

    @Override
    public Optional<ApiAccount> find(String keyId) {
        return Optional.ofNullable(accounts.get(keyId));
    }

    @Override
    public int count() {
        return accounts.size();
    }

    @Override
    public void create(ApiAccount account) {
        if (failCreate != null) {
            throw failCreate;
        }
        if (accounts.putIfAbsent(account.keyId(), account) != null) {
            throw new IllegalStateException("exists: " + account.keyId());
        }
    }
}
