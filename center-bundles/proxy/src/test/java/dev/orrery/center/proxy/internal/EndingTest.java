package dev.orrery.center.proxy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.store.HostTaskRecord;
import dev.orrery.protocol.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndingTest extends ProxyTestBase {

    @Test
    void tasksPastTheirTimeoutEndAsTimedOut() {
        register(p + "slow");
        register(p + "away");
        online(p + "ch", p + "slow");
        TaskService.Accepted acc = run("sleep 100", 1, List.of(p + "slow", p + "away"), List.of());
        awaitState(acc.taskId(), p + "slow", HostTaskState.DISPATCHED);

        awaitState(acc.taskId(), p + "slow", HostTaskState.TIMED_OUT);
        assertDone(acc.taskId());
        HostTaskRecord away = hostTask(acc.taskId(), p + "away");
        assertEquals(HostTaskState.TIMED_OUT, away.state());
        assertEquals(ErrorCode.HOST_OFFLINE, away.error(), "never online before the timeout");
        assertTrue(away.errorMessage().contains("1 s"), away.errorMessage());
        assertEquals(ErrorCode.TIMED_OUT, hostTask(acc.taskId(), p + "slow").error());
        List<Message.Cancel> cancels = gateway.sentOf(Message.Cancel.class);
        assertEquals(1, cancels.size(), "only the host that had the task is told to stop");
        assertEquals(p + "slow", cancels.get(0).hostId());
        assertEquals(2, proxy.counts(acc.taskId()).get(HostTaskState.TIMED_OUT));
    }

    @Test
    void cancelEndsTheUnfinishedAndStopsTheDispatched() {
        register(p + "done");
        register(p + "busy");
        register(p + "wait");
        online(p + "ch", p + "done", p + "busy");
        TaskService.Accepted acc = run("work", 600, List.of(p + "done", p + "busy", p + "wait"), List.of());
        awaitState(acc.taskId(), p + "busy", HostTaskState.DISPATCHED);
        awaitState(acc.taskId(), p + "done", HostTaskState.DISPATCHED);
        proxy.onResult(p + "ch", result(acc.taskId(), p + "done", HostTaskState.SUCCEEDED, 0, new byte[0]));
        awaitState(acc.taskId(), p + "done", HostTaskState.SUCCEEDED);

        proxy.cancel(acc.taskId());
        assertEquals(HostTaskState.SUCCEEDED, hostTask(acc.taskId(), p + "done").state());
        assertEquals(HostTaskState.CANCELLED, hostTask(acc.taskId(), p + "busy").state());
        HostTaskRecord wait = hostTask(acc.taskId(), p + "wait");
        assertEquals(HostTaskState.CANCELLED, wait.state());
        assertEquals(ErrorCode.CANCELLED, wait.error());
        assertDone(acc.taskId());
        List<Message.Cancel> cancels = gateway.sentOf(Message.Cancel.class);
        assertEquals(List.of(p + "busy"), cancels.stream().map(Message.Cancel::hostId).toList());

        assertCode(ErrorCode.TASK_FINISHED, refused(() -> proxy.cancel(acc.taskId()))); // finished: nothing more happens
        assertEquals(1, gateway.sentOf(Message.Cancel.class).size());
        // The cancelled host never gets the task when it comes online.
        online(p + "ch2", p + "wait");
        assertEquals(List.of(), gateway.tasksFor(p + "wait"));
    }

    @Test
    void cancellingAnUnknownTaskIsNotFound() {
        assertCode(ErrorCode.NOT_FOUND, refused(() -> proxy.cancel("no-such-task")));
    }

    @Test
    void resultsAreCappedAtOneThousand() {
        List<String> many = java.util.stream.IntStream.range(0, 1001).mapToObj(i -> p + "m" + i).toList();
        String id = p + "big";
        tasks.create(new dev.orrery.center.store.TaskRecord(id, "cmd", "k", System.currentTimeMillis(), 600,
                java.util.Map.of("command", "id"), null, dev.orrery.api.TaskState.RECEIVED), many);
        assertEquals(1000, proxy.results(id, null, -5, 5000).size());
        assertEquals(1, proxy.results(id, null, 1000, 5000).size());
        assertEquals(List.of(), proxy.results("no-such-task", null, 0, 10));
        assertTrue(proxy.task("no-such-task").isEmpty());
    }
}
