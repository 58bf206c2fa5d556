package dev.orrery.center.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.HostTaskState;
import dev.orrery.api.TaskState;
import dev.orrery.center.store.DispatchClaim;
import dev.orrery.center.store.HostTaskRecord;
import dev.orrery.center.store.NewTask;
import dev.orrery.center.store.TaskRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Group commit of submissions: many tasks in one transaction, some host tasks claimed at creation. */
class CreateAllTest extends DerbyTestSupport {
    private static TaskRecord task(String id) {
        return new TaskRecord(id, "cmd", "k", System.currentTimeMillis(), 60, Map.of("command", "true"), null, TaskState.RECEIVED);
    }

    @Test
    void claimedHostTasksAreCreatedDispatchedAndTheOthersPending() {
        long resendAt = System.currentTimeMillis() + 5000;
        tasks.createAll(List.of(
                new NewTask(task("ca-1"), List.of("h1", "h2"), List.of(new DispatchClaim("h1", "ch-a", resendAt))),
                new NewTask(task("ca-2"), List.of("h3"), List.of())));
        HostTaskRecord h1 = DeliveryStoreTest.row("ca-1", "h1");
        assertEquals(HostTaskState.DISPATCHED, h1.state());
        assertEquals("ch-a", h1.channel());
        assertEquals(h1.timestamps().created(), h1.timestamps().dispatched());
        assertEquals(HostTaskState.PENDING, DeliveryStoreTest.row("ca-1", "h2").state());
        assertNull(DeliveryStoreTest.row("ca-1", "h2").timestamps().dispatched());
        assertEquals(HostTaskState.PENDING, DeliveryStoreTest.row("ca-2", "h3").state());
        // a claimed host task is in flight: the resend scan finds it once its time comes, not before
        assertTrue(tasks.dueForResend(resendAt - 1, 100).stream().noneMatch(r -> r.taskId().equals("ca-1")));
        assertEquals(1, tasks.dueForResend(resendAt, 100).stream().filter(r -> r.taskId().equals("ca-1")).count());
        // the claim was made at creation: a later claim of the same host task loses
        assertEquals(List.of(), tasks.dispatch("ca-1", List.of(new DispatchClaim("h1", "ch-b", resendAt))));
        assertEquals(1, tasks.dispatch("ca-1", List.of(new DispatchClaim("h2", "ch-b", resendAt))).size());
    }

    @Test
    void oneBadTaskCreatesNoneOfTheBatch() {
        tasks.create(task("ca-dup"), List.of("h1"));
        assertThrows(RuntimeException.class, () -> tasks.createAll(List.of(
                new NewTask(task("ca-new"), List.of("h1"), List.of()),
                new NewTask(task("ca-dup"), List.of("h2"), List.of()))));
        assertTrue(tasks.get("ca-new").isEmpty());
        assertEquals(1, tasks.counts("ca-dup").values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void claimsMustNameHostsOfTheTaskOnce() {
        DispatchClaim stranger = new DispatchClaim("h9", "ch", 0);
        assertThrows(IllegalArgumentException.class, () -> new NewTask(task("x"), List.of("h1"), List.of(stranger)));
        DispatchClaim c = new DispatchClaim("h1", "ch", 0);
        assertThrows(IllegalArgumentException.class, () -> new NewTask(task("x"), List.of("h1"), List.of(c, c)));
        assertThrows(IllegalArgumentException.class, () -> new NewTask(task("x"), List.of("h1", "h1"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new NewTask(task("x"), List.of(), List.of()));
    }
}
