package dev.orrery.center.proxy.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.api.OrreryException;
import dev.orrery.api.TaskState;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.proxy.Targets;
import dev.orrery.center.store.TaskRecord;
import dev.orrery.protocol.Message;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmitTest extends ProxyTestBase {

    @Test
    void resolvesPersistsAndDispatchesToOnlineHosts() {
        register(p + "a", p + "grp");
        register(p + "b", p + "grp");
        online(p + "ch", p + "a", p + "b");
        TaskService.Accepted acc = run("echo hi", 30, List.of(), List.of(p + "grp"));
        assertEquals(2, acc.hosts());

        TaskRecord t = proxy.task(acc.taskId()).orElseThrow();
        assertEquals("cmd", t.type());
        assertEquals("key-1", t.createdBy());
        assertEquals(30, t.timeoutSeconds());
        assertEquals(Map.of("command", "echo hi"), t.params());

        awaitState(acc.taskId(), p + "a", HostTaskState.DISPATCHED);
        awaitState(acc.taskId(), p + "b", HostTaskState.DISPATCHED);
        Message.Task sent = gateway.tasksFor(p + "a").get(0);
        assertEquals(acc.taskId(), sent.taskId());
        assertEquals("echo hi", sent.params().get("command"));
        assertTrue(sent.timeoutSeconds() > 0 && sent.timeoutSeconds() <= 30);
        assertEquals(p + "ch", hostTask(acc.taskId(), p + "a").channel());
        assertEquals(TaskState.RUNNING, proxy.task(acc.taskId()).orElseThrow().state());
        assertEquals(2, proxy.counts(acc.taskId()).get(HostTaskState.DISPATCHED));
    }

    @Test
    void resolvesEveryKindOfName() {
        register(p + "n");
        TaskService.Accepted byName = run("true", 0, List.of(p + "n.example"), List.of());
        TaskService.Accepted bySn = run("true", 0, List.of("SN-" + p + "n"), List.of());
        assertEquals(1, byName.hosts());
        assertEquals(1, bySn.hosts());
        assertEquals(60, proxy.task(byName.taskId()).orElseThrow().timeoutSeconds(), "0 means the default timeout");
    }

    @Test
    void unknownTargetsAreAllNamedAndNothingIsPersisted() {
        register(p + "k");
        online(p + "ch", p + "k");
        int before = taskCount();
        OrreryException e = refused(() -> run("id", 10, List.of(p + "k", p + "nope-1", p + "nope-2"), List.of(p + "nogroup")));
        assertEquals(ErrorCode.UNKNOWN_TARGET, e.code());
        assertEquals(List.of(p + "nope-1", p + "nope-2", p + "nogroup"), e.details());
        assertTrue(e.getMessage().contains(p + "nope-1") && e.getMessage().contains(p + "nope-2")
                && e.getMessage().contains(p + "nogroup"), e.getMessage());
        assertEquals(before, taskCount(), "nothing persisted");
        assertEquals(List.of(), gateway.sent, "nothing dispatched");
    }

    @Test
    void badSubmissionsAreRefusedWithTheirCodes() {
        register(p + "v");
        List<String> target = List.of(p + "v");
        assertCode(ErrorCode.NO_TARGET, refused(() -> run("id", 10, List.of(), List.of())));
        assertCode(ErrorCode.INVALID_REQUEST, refused(() -> run("  ", 10, target, List.of())));
        assertCode(ErrorCode.INVALID_REQUEST, refused(() -> run("id", -1, target, List.of())));
        assertCode(ErrorCode.INVALID_REQUEST, refused(() -> run("id", 3601, target, List.of())));
        assertCode(ErrorCode.INVALID_REQUEST, refused(() -> proxy.submit(new TaskSubmission("cmd", new Targets(target, null),
                Map.of(), null, 10, "k"))));
        assertCode(ErrorCode.INVALID_REQUEST, refused(() -> proxy.submit(new TaskSubmission("rocket", new Targets(target, null),
                Map.of("command", "x"), null, 10, "k"))));
        assertCode(ErrorCode.INVALID_REQUEST, refused(() -> proxy.submit(null)));

        String atLimit = "x".repeat(TaskService.MAX_COMMAND_BYTES);
        assertEquals(1, run(atLimit, 10, target, List.of()).hosts(), "exactly 64 KiB is accepted");
        OrreryException big = refused(() -> run(atLimit + "y", 10, target, List.of()));
        assertCode(ErrorCode.COMMAND_TOO_LARGE, big);
        assertEquals(413, big.code().httpStatus());
        // Multi-byte characters count as bytes, not characters.
        assertCode(ErrorCode.COMMAND_TOO_LARGE, refused(() -> run("é".repeat(TaskService.MAX_COMMAND_BYTES / 2 + 1), 10, target, List.of())));

        assertEquals(1, proxy.submit(new TaskSubmission("hostinfo", new Targets(target, null), Map.of(), null, 0, "k")).hosts(),
                "hostinfo needs no command");
    }

    @Test
    void offlineHostsWaitUntilTheyComeOnline() {
        register(p + "on");
        register(p + "off");
        online(p + "ch", p + "on");
        TaskService.Accepted acc = run("uptime", 30, List.of(p + "on", p + "off"), List.of());
        awaitState(acc.taskId(), p + "on", HostTaskState.DISPATCHED);
        assertEquals(HostTaskState.PENDING, hostTask(acc.taskId(), p + "off").state());
        assertEquals(List.of(), gateway.tasksFor(p + "off"));

        online(p + "ch2", p + "off");
        awaitState(acc.taskId(), p + "off", HostTaskState.DISPATCHED);
        assertEquals(1, gateway.tasksFor(p + "off").size());
        assertEquals(p + "ch2", hostTask(acc.taskId(), p + "off").channel());
        // A second arrival does not send it again.
        proxy.onHostsOnline(p + "ch2", List.of(p + "off"));
        await().during(java.time.Duration.ofMillis(300)).atMost(WAIT).until(() -> gateway.tasksFor(p + "off").size() == 1);
    }

    @Test
    void taskIdsAreVersionSevenUuidsThatSortByTime() {
        String a = TaskIds.next(1_000);
        String b = TaskIds.next(2_000);
        assertEquals(7, java.util.UUID.fromString(a).version());
        assertEquals(2, java.util.UUID.fromString(a).variant());
        assertTrue(a.compareTo(b) < 0);
        assertTrue(!TaskIds.next(5).equals(TaskIds.next(5)));
    }
}
