package dev.orrery.center.store.internal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The command-mapping aliases of accounts ({@code api_account_aliases}): random 8-character names,
 * {@code [a-z0-9]} starting with a letter, unique overall. Thread-safe.
 */
final class AccountAliases {
    static final int MAX_PROGRAM = 255;
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
    private static final String CHARS = LETTERS + "0123456789";
    private static final int LENGTH = 8;
    private static final String DUPLICATE_KEY = "23505";
    private static final int ATTEMPTS = 5;

    private final Database db;
    private final SecureRandom random = new SecureRandom();

    AccountAliases(Database db) {
        this.db = db;
    }

    Map<String, String> aliases(String keyId, Collection<String> programs, long now) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String p : programs) {
            if (p == null || p.isBlank() || p.length() > MAX_PROGRAM) {
                throw new IllegalArgumentException("a program name must be 1 to " + MAX_PROGRAM + " characters");
            }
            wanted.add(p);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return db.tx(c -> createMissing(c, keyId, wanted, now));
            } catch (DuplicateAlias e) {
                // a random alias met an existing one, or a concurrent call created the same program: read again
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("could not create a unique alias; try again");
                }
            }
        }
    }

    Optional<String> program(String keyId, String alias) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT program FROM api_account_aliases WHERE key_id = ? AND alias = ?")) {
                ps.setString(1, keyId);
                ps.setString(2, alias);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    private Map<String, String> createMissing(Connection c, String keyId, Set<String> wanted, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM api_accounts WHERE key_id = ?")) {
            ps.setString(1, keyId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no API account with key id " + keyId);
                }
            }
        }
        Map<String, String> known = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT program, alias FROM api_account_aliases WHERE key_id = ?")) {
            ps.setString(1, keyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO api_account_aliases (key_id, program, alias, created_at) VALUES (?, ?, ?, ?)")) {
            for (String program : wanted) {
                String alias = known.get(program);
                if (alias == null) {
                    alias = fresh();
                    ins.setString(1, keyId);
                    ins.setString(2, program);
                    ins.setString(3, alias);
                    ins.setLong(4, now);
                    try {
                        ins.executeUpdate();
                    } catch (SQLException e) {
                        if (DUPLICATE_KEY.equals(e.getSQLState())) {
                            throw new DuplicateAlias();
                        }
                        throw e;
                    }
                }
                out.put(program, alias);
            }
        }
        return out;
    }

    String fresh() {
        StringBuilder b = new StringBuilder(LENGTH);
        b.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        while (b.length() < LENGTH) {
            b.append(CHARS.charAt(random.nextInt(CHARS.length())));
        }
        return b.toString();
    }

    /** A unique constraint was hit: the transaction is rolled back and retried. */
    private static final class DuplicateAlias extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DuplicateAlias() {
            super(null, null, false, false);
        }
    }
}
