package dev.orrery.center.store.internal;

import dev.orrery.center.store.MarketStore;
import dev.orrery.center.store.PluginRecord;
import dev.orrery.center.store.SubscriptionRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link MarketStore} on the embedded database (tables {@code market_plugins} with the jar as a BLOB and the
 * manifest as escaped {@code key=value} lines, and {@code market_subscriptions}; schema version 9). Thread-safe.
 */
@Component(service = MarketStore.class, immediate = true)
public final class DerbyMarketStore implements MarketStore {
    private static final String DUPLICATE_KEY = "23505";
    private static final String PLUGIN_COLUMNS = "name, version, kind, description, entry, symbolic_name, manifest, size, sha256,"
            + " uploaded_by, uploaded_at";
    private static final String UPDATE_SUBSCRIPTION = "UPDATE market_subscriptions SET version = ?, batch_size = ?,"
            + " max_failures = ?, state = ?, reason = ?, updated_by = ?, updated_at = ? WHERE group_name = ? AND plugin = ?";
    private static final String INSERT_SUBSCRIPTION = "INSERT INTO market_subscriptions (version, batch_size, max_failures,"
            + " state, reason, updated_by, updated_at, group_name, plugin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Database db;

    /** @param db the database */
    @Activate
    public DerbyMarketStore(@Reference(name = "database") Database db) {
        this.db = db;
    }

    @Override
    public void add(PluginRecord p, byte[] jar) {
        Objects.requireNonNull(p, "plugin");
        Objects.requireNonNull(jar, "jar");
        boolean added = db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO market_plugins (" + PLUGIN_COLUMNS + ", jar)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, p.name());
                ps.setString(2, p.version());
                ps.setString(3, p.kind());
                ps.setString(4, p.description());
                ps.setString(5, p.entry());
                ps.setString(6, p.symbolicName());
                ps.setString(7, Sql.encodeMap(p.manifest()));
                ps.setLong(8, p.size());
                ps.setString(9, p.sha256());
                ps.setString(10, p.uploadedBy());
                ps.setLong(11, p.uploadedAt());
                ps.setBytes(12, jar);
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (DUPLICATE_KEY.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
        if (!added) {
            throw new IllegalStateException("plugin " + p.name() + " " + p.version() + " exists");
        }
    }

    @Override
    public List<PluginRecord> plugins() {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + PLUGIN_COLUMNS + " FROM market_plugins"
                    + " ORDER BY name, uploaded_at, version")) {
                return MarketRows.plugins(ps);
            }
        });
    }

    @Override
    public Optional<PluginRecord> plugin(String name, String version) {
        if (name == null || version == null) {
            return Optional.empty();
        }
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + PLUGIN_COLUMNS + " FROM market_plugins WHERE name = ? AND version = ?")) {
                ps.setString(1, name);
                ps.setString(2, version);
                return MarketRows.plugins(ps).stream().findFirst();
            }
        });
    }

    @Override
    public Optional<byte[]> jar(String name, String version) {
        if (name == null || version == null) {
            return Optional.empty();
        }
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT jar FROM market_plugins WHERE name = ? AND version = ?")) {
                ps.setString(1, name);
                ps.setString(2, version);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    @Override
    public boolean remove(String name, String version) {
        return db.tx(c -> update(c, "DELETE FROM market_plugins WHERE name = ? AND version = ?", name, version) == 1);
    }

    @Override
    public void subscribe(SubscriptionRecord s) {
        Objects.requireNonNull(s, "subscription");
        db.tx(c -> {
            // update first; insert when absent; a concurrent insert of the same key turns into an update
            if (MarketRows.write(c, s, UPDATE_SUBSCRIPTION) == 1) {
                return null;
            }
            try {
                MarketRows.write(c, s, INSERT_SUBSCRIPTION);
            } catch (SQLException e) {
                if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                    throw e;
                }
                MarketRows.write(c, s, UPDATE_SUBSCRIPTION);
            }
            return null;
        });
    }

    @Override
    public boolean unsubscribe(String group, String plugin) {
        return db.tx(c -> update(c, "DELETE FROM market_subscriptions WHERE group_name = ? AND plugin = ?", group, plugin) == 1);
    }

    @Override
    public List<SubscriptionRecord> subscriptions() {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + MarketRows.SUBSCRIPTION_COLUMNS
                    + " FROM market_subscriptions ORDER BY group_name, plugin")) {
                return MarketRows.subscriptions(ps);
            }
        });
    }

    @Override
    public boolean rollout(String group, String plugin, String state, String reason, long now) {
        Objects.requireNonNull(state, "state");
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE market_subscriptions SET state = ?, reason = ?, updated_at = ?"
                    + " WHERE group_name = ? AND plugin = ?")) {
                ps.setString(1, state);
                ps.setString(2, Sql.cut(reason, MarketRows.MAX_REASON));
                ps.setLong(3, now);
                ps.setString(4, group);
                ps.setString(5, plugin);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static int update(Connection c, String sql, String a, String b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, a);
            ps.setString(2, b);
            return ps.executeUpdate();
        }
    }
}
