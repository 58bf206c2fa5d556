package dev.orrery.agent.core.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.agent.api.TaskHandler;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.Ack;
import dev.orrery.protocol.Message.AckKind;
import dev.orrery.protocol.Message.Heartbeat;
import dev.orrery.protocol.Message.Hello;
import dev.orrery.protocol.Message.Register;
import dev.orrery.protocol.Message.Result;
import dev.orrery.protocol.Message.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agent's link: registration, channel, heartbeats, reconnects, redirects. */
class AgentTest extends AgentFixture {

    @Test
    void registersWithItsIdentityThenSaysHelloAndHeartbeats() {
        Register r = center.awaitFirst(Register.class, x -> true);
        assertEquals(new Register("tok-1", "host-7", "host-7.lab", ID.ips(), "SN-7", "lab", List.of("demo"), "9.9.9"), r);
        Hello h = channel.awaitFirst(Hello.class, x -> true);
        assertEquals(new Hello(Role.AGENT, "host-7", "lab", "", "9.9.9"), h);
        assertInstanceOf(Hello.class, channel.received.get(0), "Hello must come first");
        // the welcome's 1 s heartbeat wins over the configured 10 s
        await().atMost(Duration.ofSeconds(5)).until(() -> channel.all(Heartbeat.class).size() >= 2);
    }

    @Test
    void runsATaskAndReportsEveryStep() {
        channel.awaitFirst(Hello.class, x -> true);
        channel.broadcast(task("t-1", "echo", Map.of("text", "hi there")));
        Result res = channel.awaitFirst(Result.class, r -> r.taskId().equals("t-1"));
        assertEquals(HostTaskState.SUCCEEDED, res.state());
        assertEquals("hi there", new String(res.stdout(), UTF_8));
        assertTrue(res.startedAt() > 0 && res.finishedAt() >= res.startedAt());
        List<Message> seen = List.copyOf(channel.received);
        List<Ack> acks = after(seen, Ack.class, "t-1");
        assertEquals(List.of(AckKind.RECEIVED, AckKind.RUNNING), acks.stream().map(Ack::kind).toList());
        assertTrue(seen.indexOf(acks.get(1)) < seen.indexOf(res), "RUNNING before the result");
    }

    @Test
    void unknownTypeFailsWithHandlerMissing() {
        channel.awaitFirst(Hello.class, x -> true);
        channel.broadcast(task("t-2", "nope", Map.of()));
        Result res = channel.awaitFirst(Result.class, r -> r.taskId().equals("t-2"));
        assertEquals(HostTaskState.FAILED, res.state());
        assertEquals(ErrorCode.HANDLER_MISSING.name(), res.errorCode());
        assertTrue(res.errorMessage().contains("'nope'"), res.errorMessage());
        assertEquals(List.of(AckKind.RECEIVED),
                after(List.copyOf(channel.received), Ack.class, "t-2").stream().map(Ack::kind).toList());
    }

    @Test
    void throwingHandlerFailsWithHandlerFailed() {
        handlers.add((r, c) -> {
            throw new IllegalStateException("boom");
        }, Map.of(TaskHandler.TYPE, "bad", "service.id", 2L));
        channel.awaitFirst(Hello.class, x -> true);
        channel.broadcast(task("t-3", "bad", Map.of()));
        Result res = channel.awaitFirst(Result.class, r -> r.taskId().equals("t-3"));
        assertEquals(ErrorCode.HANDLER_FAILED.name(), res.errorCode());
        assertTrue(res.errorMessage().contains("boom") && !res.errorMessage().contains("\tat "), res.errorMessage());
    }

    @Test
    void reconnectsAfterTheChannelRestarts() throws Exception {
        channel.awaitFirst(Hello.class, x -> true);
        int port = channel.port();
        channel.close();
        channel = FakePeer.channel(port);
        channel.awaitFirst(Hello.class, x -> true);
        channel.broadcast(task("t-4", "echo", Map.of("text", "back")));
        assertEquals("back", new String(channel.awaitFirst(Result.class, r -> r.taskId().equals("t-4")).stdout(), UTF_8));
    }

    @Test
    void registersAgainOnlyAfterTheWholeListFailedSeveralRounds() throws Exception {
        channel.awaitFirst(Hello.class, x -> true);
        int registrations = center.all(Register.class).size();
        channel.close(); // and it stays down: every attempt on the one-channel list fails
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> center.all(Register.class).size() > registrations);
        // a channel refusing at its admission limit looks the same: the center is asked only after
        // the list failed ROUNDS_BEFORE_REGISTERING times in a row, not at every refusal
        assertEquals(registrations + 1, center.all(Register.class).size());
    }

    @Test
    void followsARedirect() throws Exception {
        channel.awaitFirst(Hello.class, x -> true);
        try (FakePeer other = FakePeer.channel(0)) {
            channel.broadcast(new Message.Redirect(List.of(other.address()), "balancing"));
            assertEquals("host-7", other.awaitFirst(Hello.class, x -> true).id());
            await().atMost(Duration.ofSeconds(5)).until(() -> channel.sessions.isEmpty());
        }
    }

    @Test
    void dropsASilentChannel() throws Exception {
        channel.awaitFirst(Hello.class, x -> true);
        int port = channel.port();
        channel.close();
        try (FakePeer mute = new FakePeer(port, null)) { // never answers heartbeats
            mute.awaitFirst(Hello.class, x -> true);
            // three silent 1 s periods, then the agent leaves and comes back
            await().atMost(Duration.ofSeconds(10)).until(() -> mute.all(Hello.class).size() >= 2);
        } finally {
            channel = FakePeer.channel(0);
        }
    }
}
