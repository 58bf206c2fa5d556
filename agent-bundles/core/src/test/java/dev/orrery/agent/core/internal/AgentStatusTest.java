package dev.orrery.agent.core.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.agent.api.StatusSource;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.Ack;
import dev.orrery.protocol.Message.AckKind;
import dev.orrery.protocol.Message.Hello;
import dev.orrery.protocol.Message.Result;
import dev.orrery.protocol.Message.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Status reporting and the watchdog through a running agent, with an injected usage probe. */
class AgentStatusTest extends AgentFixture {
    private final AtomicReference<String> section = new AtomicReference<>("{\"v\":1}");
    private final AtomicReference<Usage> usage = new AtomicReference<>(WatchdogTest.CALM);
    private int maxDelaySeconds = 1;

    @Override
    AgentLimits limits() {
        return new AgentLimits(1, 3600, 64L << 20, 200_000, 500, 15, 50, 85, 1, maxDelaySeconds);
    }

    @Override
    AgentCore.Hooks hooks() {
        StatusSources sources = new StatusSources();
        sources.add(section::get, Map.of(StatusSource.SECTION, "test", "service.id", 3L));
        sources.add(() -> "{}", Map.of(StatusSource.SECTION, StatusSources.AGENT, "service.id", 4L)); // refused
        return new AgentCore.Hooks(sources, usage::get);
    }

    private List<Status> statuses() {
        return channel.all(Status.class);
    }

    @Test
    void everySectionAfterHelloThenOnlyWhatChanged() {
        Status first = channel.awaitFirst(Status.class, s -> true);
        List<Message> order = List.copyOf(channel.received);
        assertTrue(order.indexOf(channel.all(Hello.class).get(0)) < order.indexOf(first), "after the Hello");
        assertEquals(ID.hostId(), first.hostId());
        assertEquals(Set.of("agent", "test"), first.sections().keySet());
        assertEquals("{\"v\":1}", first.sections().get("test"));
        String agentJson = first.sections().get("agent");
        assertTrue(agentJson.contains("\"version\":\"9.9.9\"") && agentJson.contains("\"primaryIp\":\"127.0.0.1\"")
                && agentJson.contains("\"channel\":\"" + channel.address() + "\"")
                && agentJson.contains("\"cpuPercent\":5") && agentJson.contains("\"shedding\":false"), agentJson);
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).until(() -> statuses().size() == 1);
        section.set("{\"v\":2}");
        Status changed = channel.awaitFirst(Status.class, s -> s != first);
        assertEquals(Map.of("test", "{\"v\":2}"), changed.sections());
    }

    @Test
    void aNewConnectionGetsEverySectionAgain() throws Exception {
        channel.awaitFirst(Status.class, s -> true);
        int port = channel.port();
        channel.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> agent.connection().isEmpty());
        channel = FakePeer.channel(port);
        assertEquals(Set.of("agent", "test"), channel.awaitFirst(Status.class, s -> true).sections().keySet());
    }

    @Test
    void overTheMemoryCapTasksAreRefusedAndTheCenterIsTold() {
        channel.awaitFirst(Status.class, s -> true);
        usage.set(WatchdogTest.HEAP_FULL);
        await().atMost(Duration.ofSeconds(5)).until(() -> agent.core().watchdog().state().memoryOver());
        channel.broadcast(task("w-1", "echo", Map.of("text", "hi")));
        Result refused = channel.awaitFirst(Result.class, r -> r.taskId().equals("w-1"));
        assertEquals(HostTaskState.FAILED, refused.state());
        assertEquals(ErrorCode.AGENT_OVERLOADED.name(), refused.errorCode());
        assertTrue(refused.errorMessage().contains("watchdogHeapPercent"), refused.errorMessage());
        channel.awaitFirst(Status.class, s -> s.sections().getOrDefault("agent", "").contains("\"memoryOver\":true"));
        usage.set(WatchdogTest.CALM);
        await().atMost(Duration.ofSeconds(5)).until(() -> !agent.core().watchdog().state().shedding());
        channel.broadcast(task("w-2", "echo", Map.of("text", "hi")));
        assertEquals(HostTaskState.SUCCEEDED, channel.awaitFirst(Result.class, r -> r.taskId().equals("w-2")).state());
        channel.awaitFirst(Status.class, s -> s.sections().getOrDefault("agent", "").contains("\"tasksShed\":1")
                && s.sections().get("agent").contains("\"shedding\":false"));
    }

    @Test
    void overTheCpuCapATaskWaitsAndIsRefusedPastTheDelay() {
        channel.awaitFirst(Hello.class, h -> true);
        usage.set(WatchdogTest.BUSY);
        await().atMost(Duration.ofSeconds(5)).until(() -> agent.core().watchdog().cpuOver());
        channel.broadcast(task("w-3", "echo", Map.of("text", "hi")));
        Result refused = channel.awaitFirst(Result.class, r -> r.taskId().equals("w-3"));
        assertEquals(ErrorCode.AGENT_OVERLOADED.name(), refused.errorCode());
        assertTrue(refused.errorMessage().contains("watchdogCpuPercent"), refused.errorMessage());
        assertTrue(channel.all(Ack.class).stream().noneMatch(a -> a.taskId().equals("w-3") && a.kind() == AckKind.RUNNING));
        usage.set(WatchdogTest.CALM);
        await().atMost(Duration.ofSeconds(5)).until(() -> !agent.core().watchdog().cpuOver());
        channel.broadcast(task("w-4", "echo", Map.of("text", "hi")));
        assertEquals(HostTaskState.SUCCEEDED, channel.awaitFirst(Result.class, r -> r.taskId().equals("w-4")).state());
    }

    @Test
    void aTaskCancelledWhileTheWatchdogHoldsItNeverRuns() throws Exception {
        agent.stop();
        maxDelaySeconds = 60;
        agent = newAgent();
        agent.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.connection().isPresent());
        usage.set(WatchdogTest.BUSY);
        await().atMost(Duration.ofSeconds(5)).until(() -> agent.core().watchdog().cpuOver());
        channel.broadcast(task("w-5", "echo", Map.of("text", "hi")));
        channel.awaitFirst(Ack.class, a -> a.taskId().equals("w-5") && a.kind() == AckKind.RECEIVED);
        channel.broadcast(new Message.Cancel("w-5", ID.hostId()));
        Result r = channel.awaitFirst(Result.class, x -> x.taskId().equals("w-5"));
        assertEquals(HostTaskState.CANCELLED, r.state());
        assertEquals(ErrorCode.CANCELLED.name(), r.errorCode());
    }
}
