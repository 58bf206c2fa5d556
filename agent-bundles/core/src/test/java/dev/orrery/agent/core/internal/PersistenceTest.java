package dev.orrery.agent.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.HostTaskState;
import dev.orrery.protocol.Frames;
import dev.orrery.protocol.Message.Result;
import dev.orrery.protocol.Message.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger and the outbox on disk: written atomically, read back by a new instance, bounded. */
class PersistenceTest {
    @TempDir
    Path dir;

    private static Result result(String taskId, long finishedAt) {
        return new Result(taskId, "h", HostTaskState.SUCCEEDED, 0, "out".getBytes(), null, false, null, null, 1, finishedAt);
    }

    @Test
    void theJournalSurvivesANewInstanceAndPrunesOnlyOldAckedEntries() throws Exception {
        TaskJournal j = new TaskJournal(dir.resolve("ledger"), Frames.DEFAULT_MAX_PAYLOAD);
        Task t1 = new Task("t1", "h", "cmd", Map.of("command", "echo x"), "body".getBytes(), 30);
        j.record(t1, 1000);
        j.record(new Task("t2", "h", "cmd", Map.of(), null, 5), 2000);
        assertTrue(j.markAcked("t1", "h", 5000));
        assertFalse(j.markAcked("nope", "h", 5000));

        TaskJournal again = new TaskJournal(dir.resolve("ledger"), Frames.DEFAULT_MAX_PAYLOAD);
        List<TaskJournal.Entry> all = again.load();
        assertEquals(2, all.size());
        TaskJournal.Entry e1 = all.stream().filter(e -> e.task().taskId().equals("t1")).findFirst().orElseThrow();
        assertEquals(Map.of("command", "echo x"), e1.task().params());
        assertEquals("body", new String(e1.task().body()));
        assertEquals(1000, e1.startedAt());
        assertEquals(5000, e1.ackedAt());
        assertEquals(0, again.prune(5000)); // not older than the cut
        assertEquals(1, again.prune(5001)); // t1 only: t2 is not acknowledged
        assertFalse(again.exists("t1", "h"));
        assertTrue(again.exists("t2", "h"));
        try (var files = Files.list(dir.resolve("ledger"))) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")));
        }
    }

    @Test
    void theOutboxIsReloadedOldestFirstAndBounded() throws Exception {
        ResultOutbox o = new ResultOutbox(dir.resolve("outbox"), 2, Frames.DEFAULT_MAX_PAYLOAD);
        o.put(result("b", 20));
        o.put(result("a", 10));
        ResultOutbox again = new ResultOutbox(dir.resolve("outbox"), 2, Frames.DEFAULT_MAX_PAYLOAD);
        assertEquals(List.of(TaskLedger.key("a", "h"), TaskLedger.key("b", "h")), again.keys());
        assertEquals("out", new String(again.get(TaskLedger.key("a", "h")).orElseThrow().stdout()));
        // full: the oldest goes
        assertEquals("a", again.put(result("c", 30)).orElseThrow().taskId());
        assertEquals(2, again.size());
        assertTrue(again.remove("b", "h"));
        assertFalse(again.remove("b", "h"));
        assertEquals(List.of(TaskLedger.key("c", "h")), new ResultOutbox(dir.resolve("outbox"), 2, Frames.DEFAULT_MAX_PAYLOAD).keys());
    }

    @Test
    void fileNamesAreSafeAndDistinct() {
        String n = DurableFiles.nameOf("../../etc/passwd", "h");
        assertTrue(n.matches("[0-9a-f]{64}"), n);
        assertFalse(n.equals(DurableFiles.nameOf("a", "bc")) || DurableFiles.nameOf("ab", "c").equals(DurableFiles.nameOf("a", "bc")));
    }
}
