package dev.orrery.center.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.center.store.AccountStore;
import dev.orrery.center.store.ApiAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigratorTest {
    @TempDir
    Path tmp;

    @Test
    void freshDatabaseMigratesAndSecondStartIsANoOp() {
        Path dir = tmp.resolve("db");
        int newest = Migrator.scripts().size();
        Database first = new Database(dir, 1, 5);
        try {
            assertEquals(newest, Migrator.currentVersion(first));
            assertEquals(0, Migrator.migrate(first), "already migrated: nothing to apply");
            new DerbyAccountStore(first, new FileMasterKey(tmp.resolve("master.key"))).create(new ApiAccount("k1", "s1", "admin", "admin", true, 1L));
        } finally {
            first.close();
        }
        assertTrue(Files.isDirectory(dir));

        Database second = new Database(dir, 1, 5);
        try {
            assertEquals(newest, Migrator.currentVersion(second));
            assertEquals(0, Migrator.migrate(second));
            AccountStore accounts = new DerbyAccountStore(second, new FileMasterKey(tmp.resolve("master.key")));
            assertEquals(1, accounts.count(), "data survives a restart");
            assertTrue(accounts.find("k1").isPresent());
            int recorded = second.tx(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM schema_version")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertEquals(newest, recorded, "each version recorded once");
        } finally {
            second.close();
        }
    }

    @Test
    void scriptsAreNumberedInSequence() {
        List<Migrator.Script> scripts = Migrator.scripts();
        assertFalse(scripts.isEmpty());
        for (int i = 0; i < scripts.size(); i++) {
            assertEquals(i + 1, scripts.get(i).version());
        }
        assertEquals("init", scripts.get(0).description());
    }

    @Test
    void splitsStatementsAndSkipsComments() {
        String script = "-- a comment\nCREATE TABLE a (\n  x INT\n);\n\nCREATE INDEX i ON a (x);\n-- end\n";
        assertEquals(List.of("CREATE TABLE a (\nx INT\n)", "CREATE INDEX i ON a (x)"), Migrator.statements(script));
    }

    @Test
    void dataDirDefaultsUnderKarafData() {
        String before = System.getProperty("karaf.data");
        try {
            System.setProperty("karaf.data", "/opt/karaf/data");
            assertEquals(Path.of("/opt/karaf/data/orrery/db"), DerbyEngine.resolveDir(""));
            System.clearProperty("karaf.data");
            assertEquals(Path.of("./data/orrery/db"), DerbyEngine.resolveDir(null));
            assertEquals(Path.of("/x/y"), DerbyEngine.resolveDir(" /x/y "));
        } finally {
            if (before != null) {
                System.setProperty("karaf.data", before);
            }
        }
    }
}
