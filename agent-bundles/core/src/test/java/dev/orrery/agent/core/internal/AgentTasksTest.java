package dev.orrery.agent.core.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.agent.api.TaskHandler;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.protocol.Message.Ack;
import dev.orrery.protocol.Message.AckKind;
import dev.orrery.protocol.Message.Cancel;
import dev.orrery.protocol.Message.Hello;
import dev.orrery.protocol.Message.Register;
import dev.orrery.protocol.Message.Result;
import dev.orrery.protocol.Message.Welcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Task delivery: duplicates, cancel, results kept across a reconnect, a late center. */
class AgentTasksTest extends AgentFixture {

    private static long results(FakePeer peer, String taskId) {
        return peer.all(Result.class).stream().filter(r -> r.taskId().equals(taskId)).count();
    }

    @Test
    void aDuplicateTaskIsNotRunTwice() {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        handlers.add((r, c) -> {
            runs.incrementAndGet();
            release.await(10, TimeUnit.SECONDS);
            return TaskOutcome.succeeded("once");
        }, Map.of(TaskHandler.TYPE, "count", "service.id", 5L));
        channel.awaitFirst(Hello.class, x -> true);
        channel.broadcast(task("d-1", "count", Map.of()));
        channel.awaitFirst(Ack.class, a -> a.taskId().equals("d-1") && a.kind() == AckKind.RUNNING);
        channel.broadcast(task("d-1", "count", Map.of())); // while running
        await().atMost(Duration.ofSeconds(5)).until(() -> after(List.copyOf(channel.received), Ack.class, "d-1").size() >= 4);
        release.countDown();
        channel.awaitFirst(Result.class, r -> r.taskId().equals("d-1"));
        channel.broadcast(task("d-1", "count", Map.of())); // after it ended: the kept result is sent again
        await().atMost(Duration.ofSeconds(5)).until(() -> results(channel, "d-1") == 2);
        assertEquals(1, runs.get());
    }

    @Test
    void cancelReachesTheRunningHandler() {
        handlers.add((r, c) -> {
            CountDownLatch cancelled = new CountDownLatch(1);
            c.onCancel(cancelled::countDown);
            return cancelled.await(10, TimeUnit.SECONDS)
                    ? new TaskOutcome(HostTaskState.CANCELLED, -1, null, null, false, ErrorCode.CANCELLED, "cancelled")
                    : TaskOutcome.succeeded("not cancelled");
        }, Map.of(TaskHandler.TYPE, "wait", "service.id", 6L));
        channel.awaitFirst(Hello.class, x -> true);
        channel.broadcast(task("c-1", "wait", Map.of()));
        channel.awaitFirst(Ack.class, a -> a.taskId().equals("c-1") && a.kind() == AckKind.RUNNING);
        channel.broadcast(new Cancel("c-1", ID.hostId()));
        Result res = channel.awaitFirst(Result.class, r -> r.taskId().equals("c-1"));
        assertEquals(HostTaskState.CANCELLED, res.state());
        assertEquals(ErrorCode.CANCELLED.name(), res.errorCode());
    }

    @Test
    void aCancelBeforeTheTaskMeansItNeverRuns() {
        AtomicInteger runs = new AtomicInteger();
        handlers.add((r, c) -> {
            runs.incrementAndGet();
            return TaskOutcome.succeeded("");
        }, Map.of(TaskHandler.TYPE, "count", "service.id", 7L));
        channel.awaitFirst(Hello.class, x -> true);
        channel.broadcast(new Cancel("c-2", ID.hostId()));
        channel.broadcast(task("c-2", "count", Map.of()));
        assertEquals(HostTaskState.CANCELLED, channel.awaitFirst(Result.class, r -> r.taskId().equals("c-2")).state());
        assertEquals(0, runs.get());
    }

    @Test
    void aResultFinishedWhileDisconnectedIsSentAfterReconnecting() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        handlers.add((r, c) -> {
            release.await(10, TimeUnit.SECONDS);
            return TaskOutcome.succeeded("late");
        }, Map.of(TaskHandler.TYPE, "slow", "service.id", 8L));
        channel.awaitFirst(Hello.class, x -> true);
        channel.broadcast(task("o-1", "slow", Map.of()));
        channel.awaitFirst(Ack.class, a -> a.taskId().equals("o-1") && a.kind() == AckKind.RUNNING);
        int port = channel.port();
        channel.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> agent.connection().isEmpty());
        release.countDown();
        channel = FakePeer.channel(port);
        Result res = channel.awaitFirst(Result.class, r -> r.taskId().equals("o-1"));
        assertEquals("late", new String(res.stdout(), UTF_8));
    }

    @Test
    void keepsTryingUntilTheCenterAnswers() throws Exception {
        agent.stop();
        int hellos = channel.all(Hello.class).size();
        int port;
        try (FakePeer refusing = new FakePeer(0, (s, m) -> {
            s.closeNow(); // a center that hangs up without a welcome
            return null;
        })) {
            port = refusing.port();
            agent = new Agent(settings(port, ""), ID, handlers);
            agent.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> refusing.all(Register.class).size() >= 3);
        }
        try (FakePeer late = new FakePeer(port, (s, m) -> m instanceof Register r
                ? new Welcome(r.hostId(), List.of(channel.address()), 1) : null)) {
            late.awaitFirst(Register.class, x -> true);
            await().atMost(Duration.ofSeconds(10)).until(() -> channel.all(Hello.class).size() > hellos);
            assertTrue(agent.connection().isPresent());
        }
    }
}
