package dev.orrery.center.store.internal;

import dev.orrery.center.store.ApiAccount;
import dev.orrery.center.store.MasterKey;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reading and writing rows of {@code api_accounts}: the secret sealed with the {@link MasterKey}
 * (base64 in {@code secret_sealed}), lists one value a line.
 */
final class AccountRows {
    /** The columns {@link #read} expects, in order. */
    static final String COLUMNS = "key_id, secret_sealed, account_name, account_role, enabled, created_at, account_groups, task_types,"
            + " command_mapping, permissions";

    private final MasterKey key;

    AccountRows(MasterKey key) {
        this.key = key;
    }

    ApiAccount read(ResultSet rs) throws SQLException {
        return new ApiAccount(rs.getString(1), open(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                rs.getLong(6), split(rs.getString(7)), split(rs.getString(8)), rs.getBoolean(9), split(rs.getString(10)));
    }

    List<ApiAccount> readAll(PreparedStatement ps) throws SQLException {
        List<ApiAccount> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    String seal(String secret) {
        return Base64.getEncoder().encodeToString(key.seal(secret.getBytes(StandardCharsets.UTF_8)));
    }

    String open(String sealed) {
        if (sealed == null) {
            throw new IllegalStateException("an API account has no sealed secret");
        }
        return new String(key.open(Base64.getDecoder().decode(sealed)), StandardCharsets.UTF_8);
    }

    /**
     * Seals every secret still held in plain text (rows from before schema version 4) and
     * empties the plaintext column.
     *
     * @return how many rows were sealed
     */
    int sealPlaintext(Connection c) throws SQLException {
        List<String[]> plain = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key_id, secret FROM api_accounts WHERE secret IS NOT NULL");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                plain.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE api_accounts SET secret_sealed = ?, secret = NULL WHERE key_id = ?")) {
            for (String[] row : plain) {
                ps.setString(1, seal(row[1]));
                ps.setString(2, row[0]);
                ps.executeUpdate();
            }
        }
        return plain.size();
    }

    static String join(List<String> values) {
        for (String v : values) {
            if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("an account's groups, task types and permissions may not contain line breaks");
            }
        }
        return String.join("\n", values);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }
}
