package dev.orrery.center.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.store.AccountStore;
import dev.orrery.center.store.ApiAccount;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database from before schema version 4 (a plaintext secret) is migrated and sealed; and the account cache. */
class AccountMigrationTest {
    @TempDir
    Path tmp;

    @Test
    void aPlaintextSecretFromBeforeVersion4IsSealedAtActivation() throws Exception {
        Path dir = tmp.resolve("db");
        DerbyEngine engine = new DerbyEngine(dir, Map.of());
        try (Connection c = new Connections(engine).open(); Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE schema_version (version INT NOT NULL PRIMARY KEY, "
                    + "description VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)");
            List<Migrator.Script> scripts = Migrator.scripts();
            for (Migrator.Script s : scripts.subList(0, 3)) {
                for (String sql : Migrator.statements(read(s.resource()))) {
                    st.execute(sql);
                }
                st.executeUpdate("INSERT INTO schema_version VALUES (" + s.version() + ", '" + s.description() + "', 1)");
            }
            st.executeUpdate("INSERT INTO api_accounts (key_id, secret, account_name, account_role, enabled, created_at)"
                    + " VALUES ('old-admin', 'OLD-PLAINTEXT', 'admin', 'admin', TRUE, 5)");
            c.commit();
        } finally {
            engine.shutdown();
        }

        Database db = new Database(dir, 1, 5);
        try {
            FileMasterKey key = new FileMasterKey(tmp.resolve("master.key"));
            AccountStore accounts = new DerbyAccountStore(db, key);
            String[] raw = db.tx(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT secret, secret_sealed, account_groups, updated_at FROM api_accounts");
                        ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    return new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)};
                }
            });
            assertNull(raw[0], "the plaintext column is emptied");
            assertNotNull(raw[1]);
            assertFalse(raw[1].contains("OLD-PLAINTEXT"));
            assertEquals("", raw[2]);
            assertEquals("5", raw[3]);
            ApiAccount a = accounts.find("old-admin").orElseThrow();
            assertEquals("OLD-PLAINTEXT", a.secret());
            assertEquals(List.of(), a.groups());
            assertFalse(a.commandMapping());
            assertEquals(1, accounts.count());
            new DerbyAccountStore(db, key); // a second activation finds nothing left to seal
            assertEquals("OLD-PLAINTEXT", new DerbyAccountStore(db, key).find("old-admin").orElseThrow().secret());
        } finally {
            db.close();
        }
    }

    /** Every signed request looks its key up: a known account is served from memory, an unknown key is not cached. */
    @Test
    void aKnownAccountIsServedFromMemory() {
        Database db = new Database(tmp.resolve("db"), 1, 5);
        AccountStore store = new DerbyAccountStore(db, new FileMasterKey(tmp.resolve("master.key")));
        store.create(new ApiAccount("op-1", "s", "op", "operator", true, 7L));
        assertTrue(store.find("nobody").isEmpty());
        assertEquals("operator", store.find("op-1").orElseThrow().role());
        db.close();
        assertEquals("operator", store.find("op-1").orElseThrow().role(), "no store access for a known key");
        OrreryException e = assertThrows(OrreryException.class, () -> store.find("nobody"));
        assertEquals(ErrorCode.STORE_UNAVAILABLE, e.code());
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = Migrator.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
