package dev.orrery.center.store.internal;

import dev.orrery.center.store.HostStore;
import dev.orrery.center.store.TaskStore;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** A real Derby store in a fresh folder per test class, with its task and host stores. */
abstract class DerbyTestSupport {
    /** Makes ids unique within a test class. */
    static final AtomicInteger SEQ = new AtomicInteger();
    @TempDir
    static Path tmp;
    static Database db;
    static TaskStore tasks;
    static HostStore hosts;

    @BeforeAll
    static void openStore() {
        db = new Database(tmp.resolve("db"), 4, 5);
        tasks = new DerbyTaskStore(db);
        hosts = new DerbyHostStore(db);
    }

    @AfterAll
    static void closeStore() {
        db.close();
    }
}
