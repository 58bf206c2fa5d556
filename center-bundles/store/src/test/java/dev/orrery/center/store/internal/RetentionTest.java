package dev.orrery.center.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.api.TaskState;
import dev.orrery.center.store.TaskRecord;
import dev.orrery.center.store.TaskStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finished tasks are pruned by age and by count, in batches; open tasks never. */
class RetentionTest {
    @TempDir
    Path tmp;
    Database db;
    TaskStore tasks;

    @BeforeEach
    void open() {
        db = new Database(tmp.resolve("db"), 1, 5);
        tasks = new DerbyTaskStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String task(String id, boolean finish) {
        tasks.create(new TaskRecord(id, "cmd", "k", System.currentTimeMillis(), 60, Map.of(), null, TaskState.RECEIVED),
                List.of("h1", "h2"));
        if (finish) {
            tasks.endUnfinished(id, HostTaskState.CANCELLED, ErrorCode.CANCELLED, "x");
        }
        return id;
    }

    @Test
    void prunesFinishedOlderThanTheCutoffInBatches() {
        for (int i = 0; i < 7; i++) {
            task("old-" + i, true);
        }
        task("open", false);
        long cutoff = System.currentTimeMillis() + 1;
        assertEquals(7, new Retention(db, 3).prune(cutoff, 1000), "three batches: 3 + 3 + 1");
        assertTrue(tasks.get("old-0").isEmpty());
        assertTrue(tasks.results("old-0", null, 0, 10).isEmpty(), "host tasks go with their task");
        assertTrue(tasks.get("open").isPresent(), "an open task is never pruned");
        assertEquals(2, tasks.results("open", null, 0, 10).size());
    }

    @Test
    void keepsOnlyTheNewestFinishedBeyondTheCount() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            task("t-" + i, true);
        }
        task("open", false);
        assertEquals(3, new Retention(db, 2).prune(0, 2));
        long left = List.of("t-0", "t-1", "t-2", "t-3", "t-4").stream().filter(id -> tasks.get(id).isPresent()).count();
        assertEquals(2, left);
        assertTrue(tasks.get("open").isPresent());
        assertEquals(0, new Retention(db, 2).prune(0, 2), "nothing more to prune");
    }
}
