package dev.orrery.center.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations. {@code db/migrations.list} names the scripts in order
 * ({@code V1__init.sql}, {@code V2__…}); each script not yet recorded in {@code SCHEMA_VERSION}
 * runs in one transaction together with its record, so a failed script leaves no trace and
 * the next start tries it again. A database already at the newest version is left untouched.
 */
final class Migrator {
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
    private static final String BASE = "db/";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    /** One script. */
    record Script(int version, String description, String resource) {
    }

    private Migrator() {
    }

    /**
     * @param db the database
     * @return how many scripts were applied now
     */
    static int migrate(Database db) {
        db.tx(Migrator::prepare);
        int applied = 0;
        for (Script s : scripts()) {
            boolean ran = db.tx(c -> apply(c, s));
            if (ran) {
                applied++;
                LOG.info("Store schema migrated to version {} ({})", s.version(), s.description());
            }
        }
        return applied;
    }

    /**
     * @param db the database
     * @return the highest version recorded
     */
    static int currentVersion(Database db) {
        return db.tx(Migrator::current);
    }

    static List<Script> scripts() {
        List<Script> list = new ArrayList<>();
        int last = 0;
        for (String line : read(BASE + "migrations.list").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException("bad migration name " + name);
            }
            int version = Integer.parseInt(m.group(1));
            if (version != last + 1) {
                throw new IllegalStateException("migration " + name + " out of sequence after version " + last);
            }
            last = version;
            list.add(new Script(version, m.group(2), BASE + name));
        }
        return list;
    }

    /** Splits a script into statements: one per {@code ;} at the end of a line; {@code --} lines are comments. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                out.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(trimmed).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static Void prepare(Connection c) throws SQLException {
        if (!tableExists(c, "SCHEMA_VERSION")) {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("CREATE TABLE schema_version (version INT NOT NULL PRIMARY KEY, "
                        + "description VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)");
            }
        }
        // Derby only looks for deadlocks after this many seconds of waiting (default 20).
        try (PreparedStatement ps = c.prepareStatement("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY(?, ?)")) {
            ps.setString(1, "derby.locks.deadlockTimeout");
            ps.setString(2, "2");
            ps.execute();
        }
        return null;
    }

    private static boolean apply(Connection c, Script s) throws SQLException {
        try (Statement st = c.createStatement()) {
            // Serialises concurrent migrators; the lock ends with the transaction.
            st.execute("LOCK TABLE schema_version IN EXCLUSIVE MODE");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM schema_version WHERE version = ?")) {
            ps.setInt(1, s.version());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        try (Statement st = c.createStatement()) {
            for (String sql : statements(read(s.resource()))) {
                st.execute(sql);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
            ps.setInt(1, s.version());
            ps.setString(2, s.description());
            ps.setLong(3, System.currentTimeMillis());
            ps.executeUpdate();
        }
        return true;
    }

    private static int current(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean tableExists(Connection c, String name) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
            return rs.next();
        }
    }

    private static String read(String resource) {
        try (InputStream in = Migrator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
