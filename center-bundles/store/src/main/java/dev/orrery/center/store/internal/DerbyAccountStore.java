package dev.orrery.center.store.internal;

import dev.orrery.center.store.AccountStore;
import dev.orrery.center.store.ApiAccount;
import dev.orrery.center.store.MasterKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AccountStore} on the embedded database. Secrets are sealed with the {@link MasterKey}
 * on write and opened on read; at activation every secret still in plain text (written before
 * schema version 4) is sealed and the plaintext emptied. Thread-safe. Every signed request looks
 * its key up, so accounts found are kept in memory: this component is the only writer of the
 * accounts table, and every method that writes an account must replace or drop its cached entry
 * in the same call. A read racing a write cannot leave a stale entry: writes bump a counter after
 * they commit and drop the entry; a read that saw the counter move drops what it cached. Unknown
 * key ids are not cached (no memory for a caller inventing ids).
 */
@Component(service = AccountStore.class, immediate = true)
public final class DerbyAccountStore implements AccountStore {
    private static final Logger LOG = LoggerFactory.getLogger(DerbyAccountStore.class);
    private static final String DUPLICATE_KEY = "23505";

    private final Database db;
    private final AccountRows rows;
    private final AccountAliases aliases;
    private final Clock clock = Clock.systemUTC();
    private final ConcurrentMap<String, ApiAccount> cache = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();

    /**
     * @param db the database
     * @param key the master key that seals the secrets
     */
    @Activate
    public DerbyAccountStore(@Reference(name = "database") Database db, @Reference(name = "masterKey") MasterKey key) {
        this.db = db;
        this.rows = new AccountRows(key);
        this.aliases = new AccountAliases(db);
        int sealed = db.tx(rows::sealPlaintext);
        if (sealed > 0) {
            LOG.info("Sealed {} API secret(s) stored in plain text before schema version 4", sealed);
        }
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
        long before = writes.get();
        Optional<ApiAccount> found = selectOne("key_id", keyId);
        found.ifPresent(a -> {
            cache.put(keyId, a);
            if (writes.get() != before) {
                cache.remove(keyId, a); // a write may have committed after this read: do not keep what it read
            }
        });
        return found;
    }

    @Override
    public Optional<ApiAccount> findByName(String name) {
        return name == null ? Optional.empty() : selectOne("account_name", name);
    }

    @Override
    public List<ApiAccount> list() {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + AccountRows.COLUMNS + " FROM api_accounts ORDER BY account_name, key_id")) {
                return rows.readAll(ps);
            }
        });
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
        String sealed = rows.seal(account.secret());
        boolean created = db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_accounts (key_id, secret, secret_sealed, account_name, account_role,"
                    + " enabled, created_at, updated_at, account_groups, task_types, command_mapping, permissions)"
                    + " VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, account.keyId());
                ps.setString(2, sealed);
                ps.setString(3, account.name());
                ps.setString(4, account.role());
                ps.setBoolean(5, account.enabled());
                ps.setLong(6, account.createdAt());
                ps.setLong(7, account.createdAt());
                bindScope(ps, 8, account);
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (DUPLICATE_KEY.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
        written(account.keyId());
        if (!created) {
            throw new IllegalStateException("an API account with key id " + account.keyId() + " or name " + account.name() + " exists");
        }
    }

    @Override
    public boolean update(ApiAccount account) {
        Objects.requireNonNull(account, "account");
        try {
            return write(account.keyId(), "UPDATE api_accounts SET account_name = ?, account_role = ?, enabled = ?, updated_at = ?,"
                    + " account_groups = ?, task_types = ?, command_mapping = ?, permissions = ? WHERE key_id = ?", ps -> {
                        ps.setString(1, account.name());
                        ps.setString(2, account.role());
                        ps.setBoolean(3, account.enabled());
                        ps.setLong(4, clock.millis());
                        bindScope(ps, 5, account);
                        ps.setString(9, account.keyId());
                    });
        } catch (DuplicateName e) {
            throw new IllegalStateException("another API account is named " + account.name());
        }
    }

    @Override
    public boolean rotate(String keyId, String secret) {
        String sealed = rows.seal(Objects.requireNonNull(secret, "secret"));
        return write(keyId, "UPDATE api_accounts SET secret_sealed = ?, secret = NULL, updated_at = ? WHERE key_id = ?", ps -> {
            ps.setString(1, sealed);
            ps.setLong(2, clock.millis());
            ps.setString(3, keyId);
        });
    }

    @Override
    public boolean delete(String keyId) {
        return write(keyId, "DELETE FROM api_accounts WHERE key_id = ?", ps -> ps.setString(1, keyId));
    }

    @Override
    public Map<String, String> aliases(String keyId, Collection<String> programs) {
        return aliases.aliases(keyId, programs, clock.millis());
    }

    @Override
    public Optional<String> program(String keyId, String alias) {
        return keyId == null || alias == null ? Optional.empty() : aliases.program(keyId, alias);
    }

    private Optional<ApiAccount> selectOne(String column, String value) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + AccountRows.COLUMNS + " FROM api_accounts WHERE " + column + " = ?")) {
                ps.setString(1, value);
                List<ApiAccount> found = rows.readAll(ps);
                return found.isEmpty() ? Optional.<ApiAccount>empty() : Optional.of(found.get(0));
            }
        });
    }

    /** Binds groups, task types, command mapping and permissions from {@code first} on. */
    private static void bindScope(PreparedStatement ps, int first, ApiAccount a) throws SQLException {
        ps.setString(first, AccountRows.join(a.groups()));
        ps.setString(first + 1, AccountRows.join(a.taskTypes()));
        ps.setBoolean(first + 2, a.commandMapping());
        ps.setString(first + 3, AccountRows.join(a.permissions()));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private boolean write(String keyId, String sql, Binder binder) {
        if (keyId == null) {
            return false;
        }
        try {
            return db.tx(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    binder.bind(ps);
                    return ps.executeUpdate() == 1;
                } catch (SQLException e) {
                    if (DUPLICATE_KEY.equals(e.getSQLState())) {
                        throw new DuplicateName();
                    }
                    throw e;
                }
            });
        } finally {
            written(keyId);
        }
    }

    private void written(String keyId) {
        writes.incrementAndGet();
        cache.remove(keyId);
    }

    /** An update hit the unique name. */
    private static final class DuplicateName extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DuplicateName() {
            super(null, null, false, false);
        }
    }
}
