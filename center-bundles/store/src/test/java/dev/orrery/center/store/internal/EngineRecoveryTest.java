package dev.orrery.center.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.HostStatus;
import dev.orrery.center.store.HostRecord;
import dev.orrery.center.store.HostStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Derby shuts its engine down after a severe error (no file descriptors left); the store boots it again by itself. */
class EngineRecoveryTest {
    @TempDir
    Path tmp;

    @Test
    void theStoreComesBackAfterTheEngineWentDownWithNoDataLost() {
        Database db = new Database(tmp.resolve("db"), 3, 5);
        try {
            HostStore hosts = new DerbyHostStore(db);
            hosts.register(new HostRecord("r-1", "r1", List.of(), null, "idc", null, HostStatus.OFFLINE, List.of(), Map.of(), 0));
            db.engine().shutdown(); // what Derby does to itself after a severe error
            // every pooled connection is dead now: the next calls replace them and succeed
            for (int i = 0; i < 10; i++) {
                assertTrue(hosts.get("r-1").isPresent(), "read " + i + " after the engine went down");
            }
            hosts.register(new HostRecord("r-2", "r2", List.of(), null, "idc", null, HostStatus.OFFLINE, List.of(), Map.of(), 0));
            int count = db.writerTx(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM hosts")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertEquals(2, count);
        } finally {
            db.close();
        }
    }
}
