package dev.orrery.center.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.store.AccountStore;
import dev.orrery.center.store.ApiAccount;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountStoreTest {
    @TempDir
    Path tmp;

    @Test
    void createFindCountAndRefuseDuplicates() {
        Database db = new Database(tmp.resolve("db"), 1, 5);
        try {
            AccountStore accounts = new DerbyAccountStore(db);
            assertEquals(0, accounts.count());
            accounts.create(new ApiAccount("admin-1", "s3cret", "admin", "admin", true, 42L));
            ApiAccount a = accounts.find("admin-1").orElseThrow();
            assertEquals("s3cret", a.secret());
            assertEquals("admin", a.role());
            assertTrue(a.enabled());
            assertEquals(42L, a.createdAt());
            assertFalse(a.toString().contains("s3cret"), "the secret is never printed");
            assertThrows(IllegalStateException.class, () -> accounts.create(new ApiAccount("admin-1", "x", "n", "viewer", false, 1L)));
            accounts.create(new ApiAccount("viewer-1", "x", "v", "viewer", false, 1L));
            assertEquals(2, accounts.count());
            assertFalse(accounts.find("viewer-1").orElseThrow().enabled());
            assertTrue(accounts.find("nobody").isEmpty());
            assertTrue(accounts.find(null).isEmpty());
        } finally {
            db.close();
        }
    }

    /** Every signed request looks its key up: a known account is served from memory, an unknown key is not cached. */
    @Test
    void aKnownAccountIsServedFromMemory() {
        Database db = new Database(tmp.resolve("db"), 1, 5);
        AccountStore accounts = new DerbyAccountStore(db);
        accounts.create(new ApiAccount("op-1", "s", "op", "operator", true, 7L));
        assertTrue(accounts.find("nobody").isEmpty());
        assertEquals("operator", accounts.find("op-1").orElseThrow().role());
        db.close();
        assertEquals("operator", accounts.find("op-1").orElseThrow().role(), "no store access for a known key");
        OrreryException e = assertThrows(OrreryException.class, () -> accounts.find("nobody"));
        assertEquals(ErrorCode.STORE_UNAVAILABLE, e.code());
    }
}
