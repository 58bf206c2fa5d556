package dev.orrery.center.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.center.store.AccountStore;
import dev.orrery.center.store.ApiAccount;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Accounts on the real Derby store; what lands in the database is read back through plain JDBC. */
class AccountStoreTest extends DerbyTestSupport {
    static FileMasterKey key;
    static AccountStore accounts;

    @BeforeAll
    static void openAccounts() {
        key = new FileMasterKey(tmp.resolve("master.key"));
        accounts = new DerbyAccountStore(db, key);
    }

    private static String id(String prefix) {
        return prefix + "-" + SEQ.incrementAndGet();
    }

    private static ApiAccount account(String keyId, String secret) {
        return new ApiAccount(keyId, secret, "name-" + keyId, "operator", true, 42L, List.of("web", "db"), List.of("cmd"), true,
                List.of("cmd:highrisk"));
    }

    /** Every column of every account row, as text. */
    private static List<String> rawRows() {
        return db.tx(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM api_accounts"); ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        b.append(md.getColumnName(i)).append('=').append(rs.getString(i)).append(';');
                    }
                    out.add(b.toString());
                }
            }
            return out;
        });
    }

    @Test
    void createFindAndListKeepEveryField() {
        String k = id("op");
        accounts.create(account(k, "s3cret-" + k));
        ApiAccount a = accounts.find(k).orElseThrow();
        assertEquals("s3cret-" + k, a.secret());
        assertEquals(List.of("web", "db"), a.groups());
        assertEquals(List.of("cmd"), a.taskTypes());
        assertTrue(a.commandMapping());
        assertEquals(List.of("cmd:highrisk"), a.permissions());
        assertEquals(42L, a.createdAt());
        assertFalse(a.toString().contains("s3cret"), "the secret is never printed");
        assertEquals(k, accounts.findByName("name-" + k).orElseThrow().keyId());
        assertTrue(accounts.list().stream().anyMatch(x -> x.keyId().equals(k) && x.secret().equals("s3cret-" + k)));
        assertTrue(accounts.find("nobody").isEmpty());
        assertTrue(accounts.find(null).isEmpty());
        assertTrue(accounts.findByName("nobody").isEmpty());
    }

    @Test
    void secretsNeverReachTheDatabaseInPlainText() {
        String k = id("plain");
        accounts.create(account(k, "PLAINTEXT-MARKER-" + k));
        accounts.rotate(k, "ROTATED-MARKER-" + k);
        for (String row : rawRows()) {
            assertFalse(row.contains("MARKER"), row);
        }
        assertTrue(rawRows().stream().allMatch(r -> r.contains("SECRET=null;")), "the plaintext column stays empty");
        assertEquals("ROTATED-MARKER-" + k, accounts.find(k).orElseThrow().secret());
    }

    @Test
    void refusesDuplicateKeyIdsAndNames() {
        String k = id("dup");
        accounts.create(account(k, "x"));
        assertThrows(IllegalStateException.class, () -> accounts.create(account(k, "y")));
        ApiAccount sameName = new ApiAccount(id("other"), "z", "name-" + k, "viewer", true, 1L);
        assertThrows(IllegalStateException.class, () -> accounts.create(sameName));
        String k2 = id("dup");
        accounts.create(account(k2, "x"));
        ApiAccount renamed = new ApiAccount(k2, "x", "name-" + k, "viewer", true, 1L);
        assertThrows(IllegalStateException.class, () -> accounts.update(renamed));
        assertThrows(IllegalArgumentException.class, () -> accounts.create(new ApiAccount(id("nl"), "x", "n" + k, "viewer", true, 1L,
                List.of("a\nb"), List.of(), false, List.of())));
    }

    @Test
    void updateRotateAndDeleteReplaceTheCachedAccount() {
        String k = id("upd");
        accounts.create(account(k, "first"));
        assertTrue(accounts.find(k).orElseThrow().enabled()); // now cached
        ApiAccount disabled = new ApiAccount(k, "ignored", "renamed-" + k, "viewer", false, 1L, List.of("ops"), List.of(), false, List.of());
        assertTrue(accounts.update(disabled));
        ApiAccount after = accounts.find(k).orElseThrow();
        assertFalse(after.enabled());
        assertEquals("viewer", after.role());
        assertEquals(List.of("ops"), after.groups());
        assertEquals("first", after.secret(), "update never touches the secret");
        assertEquals(42L, after.createdAt());
        assertTrue(accounts.rotate(k, "second"));
        assertEquals("second", accounts.find(k).orElseThrow().secret());
        accounts.aliases(k, List.of("reboot"));
        assertTrue(accounts.delete(k));
        assertTrue(accounts.find(k).isEmpty());
        assertFalse(accounts.delete(k));
        assertFalse(accounts.rotate(k, "third"));
        assertFalse(accounts.update(disabled));
        assertTrue(accounts.program(k, "anything").isEmpty());
    }

    @Test
    void aliasesAreCreatedOnceAndDifferPerAccount() {
        String a = id("map");
        String b = id("map");
        accounts.create(account(a, "x"));
        accounts.create(account(b, "x"));
        Map<String, String> first = accounts.aliases(a, List.of("reboot", "uptime", "/usr/bin/id"));
        assertEquals(List.of("reboot", "uptime", "/usr/bin/id"), List.copyOf(first.keySet()));
        first.values().forEach(alias -> assertTrue(alias.matches("[a-z][a-z0-9]{7}"), alias));
        assertEquals(3, first.values().stream().distinct().count());
        assertEquals(first, accounts.aliases(a, List.of("reboot", "uptime", "/usr/bin/id")), "stable");
        Map<String, String> other = accounts.aliases(b, List.of("reboot", "uptime"));
        assertNotEquals(first.get("reboot"), other.get("reboot"));
        assertEquals(Optional.of("reboot"), accounts.program(a, first.get("reboot")));
        assertTrue(accounts.program(b, first.get("reboot")).isEmpty(), "one account's alias means nothing to another");
        assertTrue(accounts.program(a, "reboot").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> accounts.aliases("nobody", List.of("ls")));
        assertThrows(IllegalArgumentException.class, () -> accounts.aliases(a, List.of(" ")));
        assertEquals(Map.of(), accounts.aliases(a, List.of()));
    }
}
