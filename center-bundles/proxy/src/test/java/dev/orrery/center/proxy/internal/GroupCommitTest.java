package dev.orrery.center.proxy.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.HostTaskState;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.store.HostTaskRecord;
import dev.orrery.center.store.Progress;
import dev.orrery.center.store.TaskStore;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.AckKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Acks and results written in batches: arrival order per host task, acknowledged only after the commit. */
class GroupCommitTest extends ProxyTestBase {

    /** The real store, except that {@code record} fails while {@code failing} matches its batch. */
    @SuppressWarnings("unchecked")
    static TaskStore failingWhen(Predicate<List<Progress>> failing) {
        return intercepted((method, args) -> {
            if (method.equals("record") && failing.test((List<Progress>) args[0])) {
                throw new dev.orrery.api.OrreryException(dev.orrery.api.ErrorCode.STORE_UNAVAILABLE, "the store is unavailable");
            }
        });
    }

    private TaskServiceImpl proxyOver(TaskStore store) {
        return proxyOver(store, new ProxySettings(60, 3600, 100, 2));
    }

    private List<String> dispatched(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(p + "h" + i);
            register(ids.get(i));
        }
        online(p + "ch", ids.toArray(String[]::new));
        return ids;
    }

    private long storedAcks(String hostId) {
        return gateway.sentOf(Message.Ack.class).stream().filter(a -> a.kind() == AckKind.STORED && a.hostId().equals(hostId)).count();
    }

    @Test
    void acksAndResultsArriveInOrderAndKeepTheirTimes() {
        List<String> ids = dispatched(50);
        TaskService.Accepted acc = run("uname -a", 30, ids, List.of());
        await().atMost(WAIT).until(() -> gateway.sentOf(Message.Task.class).size() == 50);
        long before = System.currentTimeMillis();
        for (String h : ids) {
            proxy.onAck(p + "ch", new Message.Ack(acc.taskId(), h, AckKind.RECEIVED));
            proxy.onAck(p + "ch", new Message.Ack(acc.taskId(), h, AckKind.RUNNING));
            proxy.onResult(p + "ch", result(acc.taskId(), h, HostTaskState.SUCCEEDED, 0, h.getBytes(StandardCharsets.UTF_8)));
        }
        assertDone(acc.taskId());
        await().atMost(WAIT).until(() -> gateway.sentOf(Message.Ack.class).size() == 50);
        for (HostTaskRecord r : tasks.results(acc.taskId(), null, 0, 100)) {
            assertEquals(HostTaskState.SUCCEEDED, r.state());
            assertEquals(r.hostId(), r.stdout());
            HostTaskRecord.Timestamps t = r.timestamps();
            assertTrue(t.received() >= before && t.received() <= t.started() && t.started() <= t.finished(), t.toString());
        }
        assertEquals(0L, proxy.counters().get("staleAcks"), "no ack was taken out of order");
        assertEquals(0L, proxy.counters().get("duplicateResults"));
    }

    @Test
    void nothingIsAcknowledgedBeforeItIsCommitted() {
        AtomicBoolean down = new AtomicBoolean(true);
        TaskServiceImpl px = proxyOver(failingWhen(batch -> down.get()));
        List<String> ids = dispatched(3);
        TaskService.Accepted acc = run("id", 30, ids, List.of());
        await().atMost(WAIT).until(() -> gateway.sentOf(Message.Task.class).size() == 3);
        for (String h : ids) {
            px.onResult(p + "ch", result(acc.taskId(), h, HostTaskState.SUCCEEDED, 0, new byte[0]));
        }
        await().atMost(WAIT).until(() -> px.counters() != null && recorderIdle(px));
        assertEquals(0, gateway.sentOf(Message.Ack.class).size(), "a failed commit acknowledges nothing");
        assertEquals(HostTaskState.DISPATCHED, hostTask(acc.taskId(), ids.get(0)).state());

        down.set(false); // the store is back; the agents' outboxes send the results again
        for (String h : ids) {
            px.onResult(p + "ch", result(acc.taskId(), h, HostTaskState.SUCCEEDED, 0, new byte[0]));
        }
        assertDone(acc.taskId());
        await().atMost(WAIT).until(() -> ids.stream().allMatch(h -> storedAcks(h) == 1));
    }

    @Test
    void resultsArrivingWhileTheRecorderIsBehindAreAnsweredQueuedThenStored() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        TaskServiceImpl px = proxyOver(intercepted((method, args) -> {
            if (method.equals("record")) {
                gate.await(10, TimeUnit.SECONDS);
            }
        }));
        List<String> ids = dispatched(2);
        TaskService.Accepted acc = run("id", 30, ids, List.of());
        await().atMost(WAIT).until(() -> gateway.sentOf(Message.Task.class).size() == 2);
        px.onResult(p + "ch", result(acc.taskId(), ids.get(0), HostTaskState.SUCCEEDED, 0, new byte[0]));
        // the recorder holds the first result (its store is slow); a second arrives over a second later
        await().pollDelay(Duration.ofMillis(1200)).atMost(WAIT).until(() -> true);
        px.onResult(p + "ch", result(acc.taskId(), ids.get(1), HostTaskState.SUCCEEDED, 0, new byte[0]));
        List<Message.Ack> acks = gateway.sentOf(Message.Ack.class);
        assertEquals(List.of(new Message.Ack(acc.taskId(), ids.get(1), AckKind.QUEUED)), acks,
                "only the result that arrived behind the lag is answered QUEUED, and nothing is STORED yet");
        assertEquals(1L, px.counters().get("queuedAcks"));
        gate.countDown();
        assertDone(acc.taskId());
        await().atMost(WAIT).until(() -> ids.stream().allMatch(h -> storedAcks(h) == 1));
    }

    @Test
    void aReportTheStoreRefusesHoldsBackNoOther() {
        String poison = p + "h1";
        TaskServiceImpl px = proxyOver(failingWhen(batch -> batch.stream().anyMatch(pr -> pr.hostId().equals(poison))));
        List<String> ids = dispatched(4);
        TaskService.Accepted acc = run("id", 30, ids, List.of());
        await().atMost(WAIT).until(() -> gateway.sentOf(Message.Task.class).size() == 4);
        for (String h : ids) {
            px.onResult(p + "ch", result(acc.taskId(), h, HostTaskState.SUCCEEDED, 0, new byte[0]));
        }
        await().atMost(WAIT).until(() -> ids.stream().filter(h -> !h.equals(poison)).allMatch(h -> storedAcks(h) == 1));
        assertEquals(0, storedAcks(poison));
        assertEquals(HostTaskState.DISPATCHED, hostTask(acc.taskId(), poison).state());
        assertEquals(HostTaskState.SUCCEEDED, hostTask(acc.taskId(), ids.get(0)).state());
    }

    @Test
    void batchClaimsRacingArrivalsSendEachHostTaskOnce() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            ids.add(p + "r" + i);
            register(ids.get(i));
        }
        online(p + "ch", ids.toArray(String[]::new));
        TaskService.Accepted acc = run("id", 30, ids, List.of());
        // The same hosts "arrive" again while the dispatch of the new task runs.
        for (int i = 0; i < 3; i++) {
            proxy.onHostsOnline(p + "ch", ids);
        }
        await().atMost(WAIT).until(() -> tasks.counts(acc.taskId()).get(HostTaskState.DISPATCHED) == 600);
        await().during(java.time.Duration.ofMillis(300)).atMost(WAIT).until(() -> gateway.sentOf(Message.Task.class).size() == 600);
        assertEquals(600, gateway.sentOf(Message.Task.class).stream().map(Message.Task::hostId).distinct().count());
    }

    private static boolean recorderIdle(TaskServiceImpl px) {
        return px.recorderBacklog() == 0;
    }
}
