package dev.orrery.center.security.internal;

import dev.orrery.center.store.AccountStore;
import dev.orrery.center.store.ApiAccount;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory {@link AccountStore} for the tests. */
final class MemoryAccountStore implements AccountStore {
    final Map<String, ApiAccount> accounts = new ConcurrentHashMap<>();
    final Map<String, Map<String, String>> aliases = new ConcurrentHashMap<>();
    private final AtomicInteger seq = new AtomicInteger();

    @Override
    public Optional<ApiAccount> find(String keyId) {
        return keyId == null ? Optional.empty() : Optional.ofNullable(accounts.get(keyId));
    }

    @Override
    public Optional<ApiAccount> findByName(String name) {
        return accounts.values().stream().filter(a -> a.name().equals(name)).findFirst();
    }

    @Override
    public List<ApiAccount> list() {
        return accounts.values().stream().sorted(Comparator.comparing(ApiAccount::name)).toList();
    }

    @Override
    public int count() {
        return accounts.size();
    }

    @Override
    public void create(ApiAccount account) {
        if (accounts.putIfAbsent(account.keyId(), account) != null) {
            throw new IllegalStateException("exists");
        }
    }

    @Override
    public boolean update(ApiAccount a) {
        ApiAccount old = accounts.get(a.keyId());
        if (old == null) {
            return false;
        }
        accounts.put(a.keyId(), new ApiAccount(a.keyId(), old.secret(), a.name(), a.role(), a.enabled(), old.createdAt(), a.groups(),
                a.taskTypes(), a.commandMapping(), a.permissions()));
        return true;
    }

    @Override
    public boolean rotate(String keyId, String secret) {
        ApiAccount a = accounts.get(keyId);
        if (a == null) {
            return false;
        }
        accounts.put(keyId, new ApiAccount(keyId, secret, a.name(), a.role(), a.enabled(), a.createdAt(), a.groups(), a.taskTypes(),
                a.commandMapping(), a.permissions()));
        return true;
    }

    @Override
    public boolean delete(String keyId) {
        aliases.remove(keyId);
        return accounts.remove(keyId) != null;
    }

    @Override
    public Map<String, String> aliases(String keyId, Collection<String> programs) {
        if (!accounts.containsKey(keyId)) {
            throw new IllegalArgumentException("no account");
        }
        Map<String, String> mine = aliases.computeIfAbsent(keyId, k -> new ConcurrentHashMap<>());
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : programs) {
            out.put(p, mine.computeIfAbsent(p, x -> "al" + seq.incrementAndGet() + "z"));
        }
        return out;
    }

    @Override
    public Optional<String> program(String keyId, String alias) {
        return aliases.getOrDefault(keyId, Map.of()).entrySet().stream().filter(e -> e.getValue().equals(alias)).map(Map.Entry::getKey)
                .findFirst();
    }
}
