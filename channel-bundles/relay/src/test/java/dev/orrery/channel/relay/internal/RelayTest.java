package dev.orrery.channel.relay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.HostTaskState;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.Ack;
import dev.orrery.protocol.Message.AckKind;
import dev.orrery.protocol.Message.Cancel;
import dev.orrery.protocol.Message.Heartbeat;
import dev.orrery.protocol.Message.Result;
import dev.orrery.protocol.Message.Task;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The relay's routing rules, on in-memory sessions. */
class RelayTest {
    private final List<Message> up = new CopyOnWriteArrayList<>();
    private final AgentSessions agents = new AgentSessions(() -> { });
    private final InFlight inFlight = new InFlight();
    private boolean uplinkUp = true;
    private final Relay relay = new Relay(agents, inFlight, m -> uplinkUp && up.add(m));

    private static Task task(String taskId, String hostId) {
        return new Task(taskId, hostId, "cmd", Map.of("command", "true"), null, 5);
    }

    private static Result result(String taskId, String hostId) {
        return new Result(taskId, hostId, HostTaskState.SUCCEEDED, 0, null, null, false, null, null, 1, 2);
    }

    @Test
    void tasksAndCancelsGoToTheirHostOnly() {
        DummySessions.Recording a = new DummySessions.Recording();
        DummySessions.Recording b = new DummySessions.Recording();
        agents.register("a", a);
        agents.register("b", b);
        relay.fromCenter(task("t1", "b"));
        relay.fromCenter(new Cancel("t1", "b"));
        assertEquals(List.of(task("t1", "b").taskId(), "t1"),
                b.written().stream().map(m -> m instanceof Task t ? t.taskId() : ((Cancel) m).taskId()).toList());
        assertTrue(a.written().isEmpty());
        assertTrue(up.isEmpty());
        assertEquals(1, inFlight.count());
    }

    @Test
    void unknownHostIsUndeliverable() {
        relay.fromCenter(task("t1", "nobody"));
        relay.fromCenter(new Cancel("t2", "nobody"));
        assertEquals(List.of(new Ack("t1", "nobody", AckKind.UNDELIVERABLE), new Ack("t2", "nobody", AckKind.UNDELIVERABLE)), up);
        assertEquals(0, inFlight.count());
    }

    @Test
    void acksAndResultsGoUpUnchangedAndEndTheTask() {
        agents.register("a", new DummySessions.Recording());
        relay.fromCenter(task("t1", "a"));
        Ack received = new Ack("t1", "a", AckKind.RECEIVED);
        Result result = result("t1", "a");
        relay.fromAgent("a", received);
        relay.fromAgent("a", result);
        assertEquals(List.of(received, result), up);
        assertEquals(0, inFlight.count());
    }

    @Test
    void anAgentCannotSpeakForAnotherHost() {
        relay.fromAgent("a", new Ack("t1", "b", AckKind.RECEIVED));
        relay.fromAgent("a", result("t1", "b"));
        assertTrue(up.isEmpty());
    }

    @Test
    void storedAndQueuedGoDownOtherCenterMessagesAreIgnored() {
        DummySessions.Recording a = new DummySessions.Recording();
        agents.register("a", a);
        relay.fromCenter(new Ack("t1", "a", AckKind.QUEUED));
        relay.fromCenter(new Ack("t1", "a", AckKind.STORED));
        relay.fromCenter(new Ack("t1", "nobody", AckKind.STORED));
        relay.fromCenter(new Heartbeat(1));
        relay.fromCenter(new Ack("t1", "a", AckKind.RECEIVED));
        relay.fromCenter(new Message.Redirect(List.of(), "x"));
        assertEquals(List.of(new Ack("t1", "a", AckKind.QUEUED), new Ack("t1", "a", AckKind.STORED)), a.written());
        assertTrue(up.isEmpty());
    }

    @Test
    void resultsWhileTheUplinkIsDownAreDroppedQuietly() {
        uplinkUp = false;
        relay.fromAgent("a", result("t1", "a"));
        assertTrue(up.isEmpty());
    }

    @Test
    void aHostLeavingForgetsItsTasks() {
        agents.register("a", new DummySessions.Recording());
        relay.fromCenter(task("t1", "a"));
        relay.fromCenter(task("t2", "a"));
        assertEquals(2, inFlight.count());
        relay.agentGone("a");
        assertEquals(0, inFlight.count());
    }
}
