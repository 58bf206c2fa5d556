package dev.orrery.center.proxy.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orrery.api.HostTaskState;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.protocol.Message;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Acks and results the center did not ask for: ignored, counted, never stored twice, always answered. */
class BadInputTest extends ProxyTestBase {

    private long counter(String name) {
        return proxy.counters().get(name);
    }

    private String dispatchedTask() {
        register(p + "h");
        online(p + "ch", p + "h");
        TaskService.Accepted acc = run("echo", 600, List.of(p + "h"), List.of());
        awaitState(acc.taskId(), p + "h", HostTaskState.DISPATCHED);
        return acc.taskId();
    }

    private long storedAcks(String taskId, String hostId) {
        return gateway.sentOf(Message.Ack.class).stream()
                .filter(a -> a.kind() == Message.AckKind.STORED && a.taskId().equals(taskId) && a.hostId().equals(hostId)).count();
    }

    @Test
    void acksForUnknownTasksAndHostsAreCounted() {
        String taskId = dispatchedTask();
        proxy.onAck(p + "ch", new Message.Ack("no-such-task", p + "h", Message.AckKind.RECEIVED));
        proxy.onAck(p + "ch", new Message.Ack(taskId, p + "stranger", Message.AckKind.RUNNING));
        proxy.onAck(p + "ch", new Message.Ack("no-such-task", p + "h", Message.AckKind.UNDELIVERABLE));
        proxy.onAck(p + "ch", new Message.Ack(taskId, p + "h", Message.AckKind.STORED));
        await().atMost(WAIT).until(() -> counter("ignoredAcks") == 4);
        assertEquals(HostTaskState.DISPATCHED, hostTask(taskId, p + "h").state());
        assertEquals(0, counter("staleAcks"));
    }

    @Test
    void acksThatWouldMoveBackwardsAreStale() {
        String taskId = dispatchedTask();
        proxy.onAck(p + "ch", new Message.Ack(taskId, p + "h", Message.AckKind.RUNNING));
        awaitState(taskId, p + "h", HostTaskState.RUNNING);
        proxy.onAck(p + "ch", new Message.Ack(taskId, p + "h", Message.AckKind.RECEIVED));
        proxy.onAck(p + "ch", new Message.Ack(taskId, p + "h", Message.AckKind.RUNNING));
        await().atMost(WAIT).until(() -> counter("staleAcks") == 2);
        assertEquals(HostTaskState.RUNNING, hostTask(taskId, p + "h").state());
        assertEquals(0, counter("ignoredAcks"));
    }

    @Test
    void duplicateResultsAreAcknowledgedButStoredOnce() {
        String taskId = dispatchedTask();
        proxy.onResult(p + "ch", result(taskId, p + "h", HostTaskState.SUCCEEDED, 0, "first".getBytes(StandardCharsets.UTF_8)));
        await().atMost(WAIT).until(() -> storedAcks(taskId, p + "h") == 1);
        proxy.onResult(p + "ch", result(taskId, p + "h", HostTaskState.FAILED, 3, "second".getBytes(StandardCharsets.UTF_8)));
        await().atMost(WAIT).until(() -> storedAcks(taskId, p + "h") == 2);
        assertEquals(1, counter("duplicateResults"));
        assertEquals("first", hostTask(taskId, p + "h").stdout());
        assertEquals(HostTaskState.SUCCEEDED, hostTask(taskId, p + "h").state());
        // An ack arriving after the end is stale, not an error.
        proxy.onAck(p + "ch", new Message.Ack(taskId, p + "h", Message.AckKind.RUNNING));
        await().atMost(WAIT).until(() -> counter("staleAcks") == 1);
    }

    @Test
    void resultsNeverAskedForAreAcknowledgedButNotStored() {
        String taskId = dispatchedTask();
        int before = taskCount();
        proxy.onResult(p + "ch", result("no-such-task", p + "h", HostTaskState.SUCCEEDED, 0, new byte[0]));
        proxy.onResult(p + "ch", result(taskId, p + "never-asked", HostTaskState.SUCCEEDED, 0, new byte[0]));
        proxy.onResult(p + "ch", result(taskId, p + "h", HostTaskState.RUNNING, 0, new byte[0]));
        await().atMost(WAIT).until(() -> counter("ignoredResults") == 3);
        await().atMost(WAIT).until(() -> storedAcks("no-such-task", p + "h") == 1 && storedAcks(taskId, p + "never-asked") == 1);
        assertEquals(before, taskCount());
        assertEquals(1, tasks.results(taskId, null, 0, 10).size(), "no host task was added");
        assertEquals(HostTaskState.DISPATCHED, hostTask(taskId, p + "h").state());
        assertEquals(0, counter("duplicateResults"));
    }
}
