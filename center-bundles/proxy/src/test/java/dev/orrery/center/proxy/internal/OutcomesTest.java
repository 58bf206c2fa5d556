package dev.orrery.center.proxy.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.store.HostTaskRecord;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.AckKind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomesTest extends ProxyTestBase {

    private String dispatchedTo(String hostId) {
        register(hostId);
        online(p + "ch", hostId);
        TaskService.Accepted acc = run("echo hi", 30, List.of(hostId), List.of());
        awaitState(acc.taskId(), hostId, HostTaskState.DISPATCHED);
        return acc.taskId();
    }

    @Test
    void acksAdvanceAndResultsAreStoredThenAcknowledged() {
        String h = p + "h";
        String id = dispatchedTo(h);
        proxy.onAck(p + "ch", new Message.Ack(id, h, AckKind.RECEIVED));
        awaitState(id, h, HostTaskState.RECEIVED);
        proxy.onAck(p + "ch", new Message.Ack(id, h, AckKind.RUNNING));
        awaitState(id, h, HostTaskState.RUNNING);

        proxy.onResult(p + "ch", result(id, h, HostTaskState.SUCCEEDED, 0, "hi\n".getBytes(StandardCharsets.UTF_8)));
        awaitState(id, h, HostTaskState.SUCCEEDED);
        assertDone(id);
        HostTaskRecord r = proxy.results(id, null, 0, 10).get(0);
        assertEquals("hi\n", r.stdout());
        assertEquals(0, r.exitCode());
        assertNull(r.error());
        await().atMost(WAIT).until(() -> gateway.sentOf(Message.Ack.class).size() == 1);
        Message.Ack stored = gateway.sentOf(Message.Ack.class).get(0);
        assertEquals(AckKind.STORED, stored.kind());
        assertEquals(id, stored.taskId());

        // A late ack never moves a final host task back; a duplicate result is acknowledged again.
        proxy.onAck(p + "ch", new Message.Ack(id, h, AckKind.RUNNING));
        proxy.onResult(p + "ch", result(id, h, HostTaskState.FAILED, 9, new byte[0]));
        await().atMost(WAIT).until(() -> gateway.sentOf(Message.Ack.class).size() == 2);
        assertEquals(HostTaskState.SUCCEEDED, hostTask(id, h).state());
        assertEquals("hi\n", hostTask(id, h).stdout());
    }

    @Test
    void failuresKeepTheirCodeAndOutputIsDecodedAndCapped() {
        String h = p + "f";
        String id = dispatchedTo(h);
        byte[] big = new byte[Outcomes.MAX_OUTPUT_BYTES + 100];
        Arrays.fill(big, (byte) 'x');
        big[0] = (byte) 0xC3; // a lone lead byte: malformed UTF-8
        proxy.onResult(p + "ch", new Message.Result(id, h, HostTaskState.FAILED, -1, big, "oops".getBytes(StandardCharsets.UTF_8),
                false, "RUN_AS_FAILED", "no user bob", 0, 5));
        awaitState(id, h, HostTaskState.FAILED);
        HostTaskRecord r = hostTask(id, h);
        assertNull(r.exitCode(), "-1 means no exit code");
        assertEquals(ErrorCode.RUN_AS_FAILED, r.error());
        assertEquals("no user bob", r.errorMessage());
        assertTrue(r.truncated());
        assertEquals('\uFFFD', r.stdout().charAt(0));
        assertEquals(Outcomes.MAX_OUTPUT_BYTES, r.stdout().length());
        assertEquals("oops", r.stderr());
    }

    @Test
    void undeliverableTasksAreSentAgainWhenTheHostComesBack() {
        String h = p + "u";
        String id = dispatchedTo(h);
        proxy.onAck(p + "ch", new Message.Ack(id, h, AckKind.UNDELIVERABLE));
        await().atMost(WAIT).until(() -> tasks.undeliveredFor(List.of(h)).size() == 1);
        assertEquals(HostTaskState.DISPATCHED, hostTask(id, h).state(), "states only move forward");

        online(p + "ch", h); // unchanged presence: no arrival, nothing sent
        online(p + "other");
        online(p + "other", h);
        await().atMost(WAIT).until(() -> gateway.tasksFor(h).size() == 2);
        assertEquals(p + "other", gateway.sent.get(gateway.sent.size() - 1).channelId());
        assertEquals(p + "other", hostTask(id, h).channel());
        assertEquals(List.of(), tasks.undeliveredFor(List.of(h)));
    }

    @Test
    void aTaskWhoseChannelIsGoneIsSentWhenTheHostReturns() {
        String h = p + "g";
        register(h);
        online(p + "ch", h);
        gateway.connected.remove(p + "ch"); // the store still believes the channel holds the host
        TaskService.Accepted acc = run("id", 30, List.of(h), List.of());
        await().atMost(WAIT).until(() -> tasks.undeliveredFor(List.of(h)).size() == 1);

        hosts.channelLost(p + "ch");
        proxy.onChannelLost(p + "ch");
        online(p + "ch3", h);
        await().atMost(WAIT).until(() -> gateway.tasksFor(h).size() == 1);
        assertEquals(acc.taskId(), gateway.tasksFor(h).get(0).taskId());
    }

    @Test
    void tasksInFlightOnALostChannelAreSentAgain() {
        String h = p + "l";
        String id = dispatchedTo(h);
        hosts.channelLost(p + "ch");
        proxy.onChannelLost(p + "ch");
        online(p + "ch4", h);
        await().atMost(WAIT).until(() -> gateway.tasksFor(h).size() == 2);
        assertEquals(id, gateway.tasksFor(h).get(1).taskId());
    }
}
