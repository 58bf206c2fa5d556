package dev.orrery.center.store.internal;

import dev.orrery.center.store.AccountStore;
import dev.orrery.center.store.ApiAccount;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link AccountStore} on the embedded database. Thread-safe. Every signed request looks its key
 * up, so accounts found are kept in memory: this component is the only writer of the accounts
 * table, and every method that writes an account must replace or drop its cached entry in the
 * same call. Unknown key ids are not cached (no memory for a caller inventing ids).
 */
@Component(service = AccountStore.class, immediate = true)
public final class DerbyAccountStore implements AccountStore {
    private static final String DUPLICATE_KEY = "23505";

    private final Database db;
    private final ConcurrentMap<String, ApiAccount> cache = new ConcurrentHashMap<>();

    /** @param db the database */
    @Activate
    public DerbyAccountStore(@Reference(name = "database") Database db) {
        this.db = db;
    }

    @Override
    public Optional<ApiAccount> find(String keyId) {
        if (keyId == null) {
            return Optional.empty();
        }
        ApiAccount cached = cache.get(keyId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<ApiAccount> found = db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT key_id, secret, account_name, account_role, enabled, created_at"
                    + " FROM api_accounts WHERE key_id = ?")) {
                ps.setString(1, keyId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new ApiAccount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBoolean(5), rs.getLong(6)));
                }
            }
        });
        found.ifPresent(a -> cache.put(keyId, a));
        return found;
    }

    @Override
    public int count() {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM api_accounts"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Override
    public void create(ApiAccount account) {
        Objects.requireNonNull(account, "account");
        boolean created = db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_accounts (key_id, secret, account_name, account_role,"
                    + " enabled, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, account.keyId());
                ps.setString(2, account.secret());
                ps.setString(3, account.name());
                ps.setString(4, account.role());
                ps.setBoolean(5, account.enabled());
                ps.setLong(6, account.createdAt());
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (DUPLICATE_KEY.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
        if (!created) {
            throw new IllegalStateException("an API account with key id " + account.keyId() + " exists");
        }
        cache.remove(account.keyId());
    }
}
