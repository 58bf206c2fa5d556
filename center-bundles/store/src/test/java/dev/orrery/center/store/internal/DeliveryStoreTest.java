package dev.orrery.center.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.api.OrreryException;
import dev.orrery.api.TaskState;
import dev.orrery.center.store.HostTaskRecord;
import dev.orrery.center.store.TaskRecord;
import dev.orrery.center.store.TaskStore;
import dev.orrery.center.store.TaskStore.Resend;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transition times, resends, why a host task timed out, and the state lookup. */
class DeliveryStoreTest extends DerbyTestSupport {
    static String newTask(long createdAt, String... hosts) {
        String id = "d-" + SEQ.incrementAndGet();
        tasks.create(new TaskRecord(id, "cmd", "k", createdAt, 60, Map.of(), null, TaskState.RECEIVED), List.of(hosts));
        return id;
    }

    static HostTaskRecord row(String taskId, String hostId) {
        return tasks.results(taskId, null, 0, 100).stream().filter(r -> r.hostId().equals(hostId)).findFirst().orElseThrow();
    }

    @Test
    void everyTransitionIsTimestamped() {
        long created = System.currentTimeMillis() - 1000;
        String id = newTask(created, "h1");
        HostTaskRecord.Timestamps t = row(id, "h1").timestamps();
        assertEquals(created, t.created());
        assertNull(t.dispatched());
        assertNull(t.finished());
        assertTrue(tasks.dispatch(id, "h1", "ch", System.currentTimeMillis() + 5000));
        assertTrue(tasks.advance(id, "h1", HostTaskState.RECEIVED, null));
        assertTrue(tasks.advance(id, "h1", HostTaskState.RUNNING, null));
        assertTrue(tasks.complete(new HostTaskRecord(id, "h1", HostTaskState.SUCCEEDED, 0, "", "", false, null, null, null, 0)));
        t = row(id, "h1").timestamps();
        assertNotNull(t.dispatched());
        assertNotNull(t.received());
        assertNotNull(t.started());
        assertNotNull(t.finished());
        assertTrue(t.created() <= t.dispatched() && t.dispatched() <= t.received() && t.received() <= t.started()
                && t.started() <= t.finished());
    }

    @Test
    void skippedReceiptAndStartAreFilledInByLaterMoves() {
        String id = newTask(System.currentTimeMillis(), "h1", "h2");
        assertTrue(tasks.dispatch(id, "h1", "ch", System.currentTimeMillis() + 5000));
        assertTrue(tasks.advance(id, "h1", HostTaskState.RUNNING, null));
        assertFalse(tasks.advance(id, "h1", HostTaskState.RECEIVED, null), "the late receipt is stale");
        HostTaskRecord.Timestamps t = row(id, "h1").timestamps();
        assertNotNull(t.received(), "a host that started the task received it");
        assertEquals(t.started(), t.received());
        // a result that overtook both acks
        assertTrue(tasks.dispatch(id, "h2", "ch", System.currentTimeMillis() + 5000));
        assertTrue(tasks.complete(new HostTaskRecord(id, "h2", HostTaskState.SUCCEEDED, 0, "", "", false, null, null, null, 0)));
        t = row(id, "h2").timestamps();
        assertNotNull(t.received());
        assertNotNull(t.started());
        assertNotNull(t.finished());
    }

    @Test
    void dispatchedWithoutReceiptIsDueAndClaimedOnce() {
        String id = newTask(System.currentTimeMillis(), "h1", "h2");
        long now = System.currentTimeMillis();
        assertTrue(tasks.dispatch(id, "h1", "ch", now - 1));
        assertTrue(tasks.dispatch(id, "h2", "ch", now + 60_000));
        Resend due = tasks.dueForResend(now, 1000).stream().filter(r -> r.taskId().equals(id)).findFirst().orElseThrow();
        assertEquals("h1", due.hostId());
        assertEquals(1, due.sends());
        assertTrue(tasks.claimResend(id, "h1", 1, "ch2", now + 10_000));
        assertFalse(tasks.claimResend(id, "h1", 1, "ch2", now + 10_000), "a second claim with the old count loses");
        assertEquals("ch2", row(id, "h1").channel());
        assertTrue(tasks.dueForResend(now, 1000).stream().noneMatch(r -> r.taskId().equals(id)));
        assertEquals(2, tasks.dueForResend(now + 10_000, 1000).stream().filter(r -> r.taskId().equals(id)).findFirst()
                .orElseThrow().sends());
        assertTrue(tasks.advance(id, "h1", HostTaskState.RECEIVED, null));
        assertTrue(tasks.dueForResend(now + 100_000, 1000).stream().noneMatch(r -> r.taskId().equals(id) && r.hostId().equals("h1")),
                "received: no more resends");
    }

    @Test
    void resendClaimWithoutChannelFlagsUndelivered() {
        String id = newTask(System.currentTimeMillis(), "h1");
        long now = System.currentTimeMillis();
        assertTrue(tasks.dispatch(id, "h1", "ch", now - 1));
        assertTrue(tasks.claimResend(id, "h1", 1, null, now + 10_000));
        assertEquals(1, tasks.undeliveredFor(List.of("h1")).stream().filter(r -> r.taskId().equals(id)).count());
    }

    @Test
    void timeoutSaysWhyAHostTaskNeverArrived() {
        String id = newTask(System.currentTimeMillis(), "offline", "lost", "refused", "silent", "running");
        long later = System.currentTimeMillis() + 60_000;
        tasks.dispatch(id, "lost", "ch", later);
        tasks.dispatch(id, "refused", "ch", later);
        tasks.dispatch(id, "silent", "ch", later);
        tasks.dispatch(id, "running", "ch", later);
        tasks.advance(id, "running", HostTaskState.RUNNING, null);
        assertEquals(1, tasks.markUndeliveredOnChannel("ch") >= 1 ? 1 : 0);
        tasks.redispatch(id, "refused", "ch2", later);
        assertTrue(tasks.markUndelivered(id, "refused", ErrorCode.DELIVERY_FAILED));
        assertEquals(5, tasks.endUnfinished(id, HostTaskState.TIMED_OUT, ErrorCode.TIMED_OUT, "no result within 60 s").size());
        assertEquals(ErrorCode.HOST_OFFLINE, row(id, "offline").error());
        assertEquals(ErrorCode.CHANNEL_LOST, row(id, "lost").error());
        assertEquals(ErrorCode.DELIVERY_FAILED, row(id, "refused").error());
        assertEquals(ErrorCode.TIMED_OUT, row(id, "running").error());
        for (String h : List.of("offline", "lost", "refused", "silent", "running")) {
            assertEquals(HostTaskState.TIMED_OUT, row(id, h).state(), h);
        }
    }

    @Test
    void cancelIsCancelledForEveryHost() {
        String id = newTask(System.currentTimeMillis(), "offline", "lost");
        tasks.dispatch(id, "lost", "chx", System.currentTimeMillis());
        tasks.markUndeliveredOnChannel("chx");
        tasks.endUnfinished(id, HostTaskState.CANCELLED, ErrorCode.CANCELLED, "cancelled");
        assertEquals(ErrorCode.CANCELLED, row(id, "offline").error());
        assertEquals(ErrorCode.CANCELLED, row(id, "lost").error());
    }

    @Test
    void stateOfKnowsOnlyHostsTheTaskCovers() {
        String id = newTask(System.currentTimeMillis(), "h1");
        assertEquals(Optional.of(HostTaskState.PENDING), tasks.stateOf(id, "h1"));
        assertEquals(Optional.empty(), tasks.stateOf(id, "other"));
        assertEquals(Optional.empty(), tasks.stateOf("no-such-task", "h1"));
    }

    @Test
    void closedStoreIsUnavailable(@TempDir Path dir) {
        Database other = new Database(dir.resolve("db"), 1, 1);
        TaskStore store = new DerbyTaskStore(other);
        other.close();
        OrreryException e = assertThrows(OrreryException.class, () -> store.get("x"));
        assertEquals(ErrorCode.STORE_UNAVAILABLE, e.code());
    }
}
