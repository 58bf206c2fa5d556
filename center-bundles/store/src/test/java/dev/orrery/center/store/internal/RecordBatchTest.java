package dev.orrery.center.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.api.TaskState;
import dev.orrery.center.store.DispatchClaim;
import dev.orrery.center.store.HostTaskRecord;
import dev.orrery.center.store.Progress;
import dev.orrery.center.store.Progress.Outcome;
import dev.orrery.center.store.TaskRecord;
import dev.orrery.center.store.TaskStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Group commit ({@link TaskStore#record}), batch dispatch claims and the finished-hosts counter. */
class RecordBatchTest extends DerbyTestSupport {
    static String newTask(List<String> hosts) {
        String id = "rb-" + SEQ.incrementAndGet();
        tasks.create(new TaskRecord(id, "cmd", "k", System.currentTimeMillis(), 60, Map.of("command", "x"), null, TaskState.RECEIVED),
                hosts);
        return id;
    }

    static void dispatch(String taskId, String... hosts) {
        List<DispatchClaim> claims = new ArrayList<>();
        for (String h : hosts) {
            claims.add(new DispatchClaim(h, "ch", System.currentTimeMillis() + 60_000));
        }
        assertEquals(hosts.length, tasks.dispatch(taskId, claims).size());
    }

    static Progress ack(String taskId, String hostId, HostTaskState s, long at) {
        return Progress.ack(taskId, hostId, s, "ch2", at);
    }

    static Progress done(String taskId, String hostId, long at) {
        return Progress.result(new HostTaskRecord(taskId, hostId, HostTaskState.SUCCEEDED, 0, "out " + hostId, "", false, null, null,
                "ch2", 0), at);
    }

    static HostTaskRecord row(String taskId, String hostId) {
        return tasks.results(taskId, null, 0, 1000).stream().filter(r -> r.hostId().equals(hostId)).findFirst().orElseThrow();
    }

    static int finishedHosts(String taskId) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT finished_hosts FROM tasks WHERE task_id = ?")) {
                ps.setString(1, taskId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    @Test
    void aBatchWritesEachHostTaskOnceKeepingEveryTransitionTime() {
        String id = newTask(List.of("a", "b", "c"));
        dispatch(id, "a", "b", "c");
        List<Outcome> got = tasks.record(List.of(ack(id, "a", HostTaskState.RECEIVED, 1000), ack(id, "b", HostTaskState.RECEIVED, 1001),
                ack(id, "a", HostTaskState.RUNNING, 1100), done(id, "a", 1200), ack(id, "a", HostTaskState.RUNNING, 1300),
                done(id, "a", 1400), ack("rb-none", "a", HostTaskState.RECEIVED, 1500), ack(id, "zz", HostTaskState.RUNNING, 1600)));
        assertEquals(List.of(Outcome.MOVED, Outcome.MOVED, Outcome.MOVED, Outcome.MOVED, Outcome.STALE, Outcome.STALE,
                Outcome.UNKNOWN, Outcome.UNKNOWN), got);
        HostTaskRecord a = row(id, "a");
        assertEquals(HostTaskState.SUCCEEDED, a.state());
        assertEquals("out a", a.stdout());
        assertEquals("ch2", a.channel());
        assertEquals(1000L, a.timestamps().received(), "the receipt's own time, though only the final move was written");
        assertEquals(1100L, a.timestamps().started());
        assertEquals(1200L, a.timestamps().finished());
        HostTaskRecord b = row(id, "b");
        assertEquals(HostTaskState.RECEIVED, b.state());
        assertEquals(1001L, b.timestamps().received());
        assertEquals(HostTaskState.DISPATCHED, row(id, "c").state());
        assertEquals(1, finishedHosts(id));
        assertEquals(TaskState.RUNNING, tasks.get(id).orElseThrow().state());
    }

    @Test
    void reportsOfOneHostTaskCountInArrivalOrder() {
        String id = newTask(List.of("a", "b"));
        dispatch(id, "a", "b");
        // A result overtook the acks: they are stale; a RUNNING before its RECEIVED makes the receipt stale.
        assertEquals(List.of(Outcome.MOVED, Outcome.STALE, Outcome.STALE, Outcome.MOVED, Outcome.STALE),
                tasks.record(List.of(done(id, "a", 500), ack(id, "a", HostTaskState.RECEIVED, 600), ack(id, "a", HostTaskState.RUNNING, 700),
                        ack(id, "b", HostTaskState.RUNNING, 800), ack(id, "b", HostTaskState.RECEIVED, 900))));
        HostTaskRecord a = row(id, "a");
        assertEquals(HostTaskState.SUCCEEDED, a.state());
        assertEquals(500L, a.timestamps().received(), "a result stands in for lost acks");
        assertEquals(500L, a.timestamps().started());
        HostTaskRecord b = row(id, "b");
        assertEquals(HostTaskState.RUNNING, b.state());
        assertEquals(800L, b.timestamps().received());
        // Across batches: a late ack is stale, a duplicate result is stale and changes nothing.
        assertEquals(List.of(Outcome.STALE, Outcome.MOVED, Outcome.STALE), tasks.record(List.of(ack(id, "b", HostTaskState.RECEIVED, 950),
                done(id, "b", 1000), done(id, "b", 1100))));
        assertEquals(1000L, row(id, "b").timestamps().finished());
        assertEquals(TaskState.DONE, tasks.get(id).orElseThrow().state());
        assertEquals(List.of(Outcome.STALE), tasks.record(List.of(done(id, "a", 2000))));
        assertEquals(2, finishedHosts(id), "a duplicate result is not counted again");
    }

    @Test
    void theTaskIsDoneWhenTheCounterReachesItsHostCountWhateverEndedThem() {
        String id = newTask(List.of("a", "b", "c", "d"));
        dispatch(id, "a", "b");
        tasks.record(List.of(done(id, "a", 1)));
        assertTrue(tasks.complete(new HostTaskRecord(id, "b", HostTaskState.FAILED, 1, "", "", false, null, null, "ch", 0)));
        assertEquals(2, finishedHosts(id));
        assertNotEquals(TaskState.DONE, tasks.get(id).orElseThrow().state());
        assertEquals(List.of("c", "d"), tasks.endUnfinished(id, HostTaskState.TIMED_OUT, ErrorCode.TIMED_OUT, "late"));
        assertEquals(4, finishedHosts(id));
        assertEquals(TaskState.DONE, tasks.get(id).orElseThrow().state());
        assertEquals(List.of(Outcome.STALE), tasks.record(List.of(done(id, "c", 5))));
        assertEquals(4, finishedHosts(id));
    }

    @Test
    void aBigTaskFinishesThroughBatches() {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            hosts.add(String.format("big-%04d", i));
        }
        String id = newTask(hosts);
        dispatch(id, hosts.toArray(String[]::new));
        for (int from = 0; from < hosts.size(); from += 1000) {
            List<Progress> batch = new ArrayList<>();
            for (String h : hosts.subList(from, Math.min(hosts.size(), from + 1000))) {
                batch.add(ack(id, h, HostTaskState.RECEIVED, 1));
                batch.add(done(id, h, 2));
            }
            assertTrue(tasks.record(batch).stream().allMatch(o -> o == Outcome.MOVED));
        }
        assertEquals(TaskState.DONE, tasks.get(id).orElseThrow().state());
        assertEquals(1200, tasks.counts(id).get(HostTaskState.SUCCEEDED));
    }

    @Test
    void batchClaimsRacingSingleClaimsSendEachHostTaskOnce() throws Exception {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hosts.add("race-" + i);
        }
        String id = newTask(hosts);
        ConcurrentLinkedQueue<String> won = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                all.add(pool.submit(() -> {
                    go.await();
                    List<DispatchClaim> claims = hosts.stream().map(h -> new DispatchClaim(h, "ch", 0)).toList();
                    tasks.dispatch(id, claims).forEach(c -> won.add(c.hostId()));
                    return null;
                }));
            }
            all.add(pool.submit(() -> {
                go.await();
                List<String> backwards = new ArrayList<>(hosts);
                java.util.Collections.reverse(backwards);
                for (String h : backwards) {
                    if (tasks.dispatch(id, h, "ch-single", 0)) {
                        won.add(h);
                    }
                }
                return null;
            }));
            go.countDown();
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(100, won.size(), "every host task claimed exactly once: " + won.size());
        assertEquals(100, won.stream().distinct().count());
        assertEquals(100, tasks.counts(id).get(HostTaskState.DISPATCHED));
    }
}
