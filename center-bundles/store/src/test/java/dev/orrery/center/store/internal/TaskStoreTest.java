package dev.orrery.center.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.api.TaskState;
import dev.orrery.center.store.HostTaskRecord;
import dev.orrery.center.store.TaskRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TaskStoreTest extends DerbyTestSupport {
    static String newTask(long createdAt, int timeoutSeconds, String... hosts) {
        String id = "t-" + SEQ.incrementAndGet();
        tasks.create(new TaskRecord(id, "cmd", "key1", createdAt, timeoutSeconds, Map.of("command", "echo a=b\nc%d"),
                "body".getBytes(StandardCharsets.UTF_8), TaskState.RECEIVED), List.of(hosts));
        return id;
    }

    static HostTaskRecord result(String taskId, String hostId, HostTaskState state, Integer exit, String out) {
        return new HostTaskRecord(taskId, hostId, state, exit, out, "", false, null, null, "ch", 0);
    }

    @Test
    void createPersistsTaskAndPendingHostTasks() {
        String id = newTask(System.currentTimeMillis(), 60, "h1", "h2", "h3");
        TaskRecord t = tasks.get(id).orElseThrow();
        assertEquals("cmd", t.type());
        assertEquals("key1", t.createdBy());
        assertEquals(60, t.timeoutSeconds());
        assertEquals(Map.of("command", "echo a=b\nc%d"), t.params(), "params survive any text");
        assertEquals("body", new String(t.body(), StandardCharsets.UTF_8));
        assertEquals(TaskState.RECEIVED, t.state());
        Map<HostTaskState, Integer> counts = tasks.counts(id);
        assertEquals(HostTaskState.values().length, counts.size(), "every state present");
        assertEquals(3, counts.get(HostTaskState.PENDING));
        assertEquals(0, counts.get(HostTaskState.SUCCEEDED));
        assertTrue(tasks.get("missing").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> newTask(0, 1));
        assertThrows(IllegalArgumentException.class, () -> newTask(0, 1, "x", "x"));
    }

    @Test
    void advanceMovesOnlyForwardAndTaskStateFollows() {
        String id = newTask(System.currentTimeMillis(), 60, "a1", "a2");
        assertTrue(tasks.advance(id, "a1", HostTaskState.DISPATCHED, "ch-1"));
        assertEquals(TaskState.RUNNING, tasks.get(id).orElseThrow().state());
        assertFalse(tasks.advance(id, "a1", HostTaskState.DISPATCHED, "ch-1"), "duplicate");
        assertTrue(tasks.advance(id, "a1", HostTaskState.RUNNING, null), "skipping RECEIVED is still forward");
        assertFalse(tasks.advance(id, "a1", HostTaskState.RECEIVED, null), "late ack ignored");
        assertFalse(tasks.advance(id, "nohost", HostTaskState.DISPATCHED, null));
        HostTaskRecord a1 = tasks.results(id, HostTaskState.RUNNING, 0, 10).get(0);
        assertEquals("ch-1", a1.channel(), "channel kept when null is passed");

        assertTrue(tasks.complete(result(id, "a1", HostTaskState.SUCCEEDED, 0, "hi")));
        assertFalse(tasks.advance(id, "a1", HostTaskState.RUNNING, null), "final is final");
        assertEquals(TaskState.RUNNING, tasks.get(id).orElseThrow().state());
        assertTrue(tasks.advance(id, "a2", HostTaskState.REJECTED, null), "a final state through advance");
        assertEquals(TaskState.DONE, tasks.get(id).orElseThrow().state());
    }

    @Test
    void completeIsIdempotentAndKeepsOutput() {
        String id = newTask(System.currentTimeMillis(), 60, "c1");
        String text = "héllo ✓ \uD83D\uDE00";
        HostTaskRecord r = new HostTaskRecord(id, "c1", HostTaskState.FAILED, 3, text, "bad", true, ErrorCode.NONZERO_EXIT,
                "exit 3", "ch-9", 0);
        assertTrue(tasks.complete(r));
        assertFalse(tasks.complete(result(id, "c1", HostTaskState.SUCCEEDED, 0, "other")), "duplicate ignored");
        HostTaskRecord stored = tasks.results(id, null, 0, 10).get(0);
        assertEquals(HostTaskState.FAILED, stored.state());
        assertEquals(3, stored.exitCode());
        assertEquals(text, stored.stdout());
        assertEquals("bad", stored.stderr());
        assertTrue(stored.truncated());
        assertEquals(ErrorCode.NONZERO_EXIT, stored.error());
        assertEquals("exit 3", stored.errorMessage());
        assertEquals("ch-9", stored.channel());
        assertEquals(TaskState.DONE, tasks.get(id).orElseThrow().state());
        assertFalse(tasks.complete(result("nosuch", "c1", HostTaskState.SUCCEEDED, 0, "")));
        assertThrows(IllegalArgumentException.class, () -> tasks.complete(result(id, "c1", HostTaskState.RUNNING, null, "")));
    }

    @Test
    void oversizedOutputIsCutAndFlagged() {
        String id = newTask(System.currentTimeMillis(), 60, "o1");
        String big = "x".repeat(TaskWrites.MAX_OUTPUT_CHARS + 10);
        assertTrue(tasks.complete(result(id, "o1", HostTaskState.SUCCEEDED, 0, big)));
        HostTaskRecord stored = tasks.results(id, null, 0, 1).get(0);
        assertEquals(TaskWrites.MAX_OUTPUT_CHARS, stored.stdout().length());
        assertTrue(stored.truncated());
        assertEquals("", stored.stderr());
    }

    @Test
    void resultsArePagedAndFiltered() {
        String id = newTask(System.currentTimeMillis(), 60, "p3", "p1", "p5", "p2", "p4");
        tasks.complete(result(id, "p2", HostTaskState.SUCCEEDED, 0, "two"));
        tasks.complete(result(id, "p4", HostTaskState.SUCCEEDED, 0, "four"));
        assertEquals(List.of("p1", "p2", "p3", "p4", "p5"), hosts(tasks.results(id, null, 0, 100)), "ordered by host id");
        assertEquals(List.of("p3", "p4"), hosts(tasks.results(id, null, 2, 2)));
        assertEquals(List.of("p2", "p4"), hosts(tasks.results(id, HostTaskState.SUCCEEDED, 0, 100)));
        assertEquals(List.of("p4"), hosts(tasks.results(id, HostTaskState.SUCCEEDED, 1, 100)));
        assertEquals(List.of(), tasks.results(id, HostTaskState.FAILED, 0, 100));
        HostTaskRecord pending = tasks.results(id, HostTaskState.PENDING, 0, 1).get(0);
        assertNull(pending.exitCode());
        assertEquals("", pending.stdout());
        assertNull(pending.error());
    }

    @Test
    void endUnfinishedEndsOnlyTheUnfinished() {
        String id = newTask(System.currentTimeMillis(), 60, "e1", "e2", "e3");
        tasks.complete(result(id, "e1", HostTaskState.SUCCEEDED, 0, "ok"));
        tasks.advance(id, "e2", HostTaskState.DISPATCHED, "ch");
        assertEquals(List.of("e2", "e3"), tasks.endUnfinished(id, HostTaskState.CANCELLED, ErrorCode.CANCELLED, "cancelled by k"));
        assertEquals(List.of(), tasks.endUnfinished(id, HostTaskState.CANCELLED, ErrorCode.CANCELLED, "again"));
        Map<HostTaskState, Integer> counts = tasks.counts(id);
        assertEquals(1, counts.get(HostTaskState.SUCCEEDED));
        assertEquals(2, counts.get(HostTaskState.CANCELLED));
        HostTaskRecord e3 = tasks.results(id, HostTaskState.CANCELLED, 0, 10).get(1);
        assertEquals(ErrorCode.CANCELLED, e3.error());
        assertEquals("cancelled by k", e3.errorMessage());
        assertEquals(TaskState.DONE, tasks.get(id).orElseThrow().state());
        assertFalse(tasks.complete(result(id, "e3", HostTaskState.SUCCEEDED, 0, "late")), "a late result is ignored");
        assertThrows(IllegalArgumentException.class, () -> tasks.endUnfinished(id, HostTaskState.SUCCEEDED, null, null));
        assertEquals(List.of(), tasks.endUnfinished("nosuch", HostTaskState.TIMED_OUT, ErrorCode.TIMED_OUT, "x"));
    }

    @Test
    void pendingForListsWaitingHostTasksOldestFirst() {
        String older = newTask(1_000, 60, "w1", "w2");
        String newer = newTask(2_000, 60, "w1");
        tasks.advance(older, "w2", HostTaskState.DISPATCHED, "ch");
        List<HostTaskRecord> waiting = tasks.pendingFor(List.of("w1", "w2", "w-unknown"));
        assertEquals(List.of(older, newer), waiting.stream().map(HostTaskRecord::taskId).toList());
        assertTrue(waiting.stream().allMatch(r -> r.hostId().equals("w1") && r.state() == HostTaskState.PENDING));
        assertEquals(List.of(), tasks.pendingFor(List.of()));
    }

    @Test
    void expiredListsOpenTasksPastTheirDeadline() {
        long now = 10_000_000L;
        String late = newTask(now - 61_000, 60, "x1");
        String fresh = newTask(now - 1_000, 60, "x1");
        String done = newTask(now - 120_000, 60, "x2");
        tasks.complete(result(done, "x2", HostTaskState.SUCCEEDED, 0, ""));
        List<String> expired = tasks.expired(now);
        assertTrue(expired.contains(late));
        assertFalse(expired.contains(fresh));
        assertFalse(expired.contains(done), "DONE tasks never expire");
        tasks.endUnfinished(late, HostTaskState.TIMED_OUT, ErrorCode.TIMED_OUT, "no result within 60 s");
        assertFalse(tasks.expired(now).contains(late));
    }

    @Test
    void undeliveredHostTasksAreOfferedAgainAndClaimedOnce() {
        String id = newTask(System.currentTimeMillis(), 60, "u1", "u2");
        assertFalse(tasks.markUndelivered(id, "u1"), "only a DISPATCHED host task can be undelivered");
        tasks.advance(id, "u1", HostTaskState.DISPATCHED, "ch-u");
        tasks.advance(id, "u2", HostTaskState.DISPATCHED, "ch-u");
        assertTrue(tasks.markUndelivered(id, "u1"));
        assertEquals(List.of("u1"), hosts(tasks.undeliveredFor(List.of("u1", "u2"))));
        assertTrue(tasks.redispatch(id, "u1", "ch-v"));
        assertFalse(tasks.redispatch(id, "u1", "ch-v"), "claimed once");
        assertEquals(List.of(), tasks.undeliveredFor(List.of("u1")));

        assertEquals(1, tasks.markUndeliveredOnChannel("ch-u"), "u2 was still on the lost channel");
        tasks.advance(id, "u2", HostTaskState.RECEIVED, "ch-w");
        assertEquals(List.of(), tasks.undeliveredFor(List.of("u2")), "an ack clears the flag");
    }

    @Test
    void concurrentUpdatesOfOneTaskStayConsistent() throws Exception {
        String[] hostIds = new String[40];
        for (int i = 0; i < hostIds.length; i++) {
            hostIds[i] = "k" + i;
        }
        String id = newTask(System.currentTimeMillis(), 60, hostIds);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String h : hostIds) {
                futures.add(pool.submit(() -> {
                    tasks.advance(id, h, HostTaskState.DISPATCHED, "ch");
                    tasks.advance(id, h, HostTaskState.RUNNING, null);
                    tasks.complete(result(id, h, HostTaskState.SUCCEEDED, 0, h));
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(40, tasks.counts(id).get(HostTaskState.SUCCEEDED));
        assertEquals(TaskState.DONE, tasks.get(id).orElseThrow().state());
    }

    private static List<String> hosts(List<HostTaskRecord> list) {
        return list.stream().map(HostTaskRecord::hostId).toList();
    }
}
