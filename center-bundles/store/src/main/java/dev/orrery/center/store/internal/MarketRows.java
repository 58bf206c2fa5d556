package dev.orrery.center.store.internal;

import dev.orrery.center.store.PluginRecord;
import dev.orrery.center.store.SubscriptionRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Row mapping for {@link DerbyMarketStore}. */
final class MarketRows {
    static final String SUBSCRIPTION_COLUMNS = "group_name, plugin, version, batch_size, max_failures, state, reason,"
            + " updated_by, updated_at";
    /** Longest pause reason kept. */
    static final int MAX_REASON = 2000;

    private MarketRows() {
    }

    /** Binds a subscription to an update or insert with the parameters version … updated_at, group_name, plugin. */
    static int write(Connection c, SubscriptionRecord s, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, s.version());
            ps.setInt(2, s.batchSize());
            ps.setInt(3, s.maxFailures());
            ps.setString(4, s.state());
            ps.setString(5, Sql.cut(s.reason(), MAX_REASON));
            ps.setString(6, s.updatedBy());
            ps.setLong(7, s.updatedAt());
            ps.setString(8, s.group());
            ps.setString(9, s.plugin());
            return ps.executeUpdate();
        }
    }

    static List<PluginRecord> plugins(PreparedStatement ps) throws SQLException {
        List<PluginRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new PluginRecord(rs.getString("name"), rs.getString("version"), rs.getString("kind"),
                        rs.getString("description"), rs.getString("entry"), rs.getString("symbolic_name"),
                        Sql.decodeMap(rs.getString("manifest")), rs.getLong("size"), rs.getString("sha256"),
                        rs.getString("uploaded_by"), rs.getLong("uploaded_at")));
            }
        }
        return out;
    }

    static List<SubscriptionRecord> subscriptions(PreparedStatement ps) throws SQLException {
        List<SubscriptionRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new SubscriptionRecord(rs.getString("group_name"), rs.getString("plugin"), rs.getString("version"),
                        rs.getInt("batch_size"), rs.getInt("max_failures"), rs.getString("state"), rs.getString("reason"),
                        rs.getString("updated_by"), rs.getLong("updated_at")));
            }
        }
        return out;
    }
}
