package dev.orrery.agent.core.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskHandler;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.protocol.Message.Ack;
import dev.orrery.protocol.Message.AckKind;
import dev.orrery.protocol.Message.Hello;
import dev.orrery.protocol.Message.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** At most once across a crash of the agent, at least once delivery of every result. */
class AgentRestartTest extends AgentFixture {
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger executed = new AtomicInteger();
    private final AtomicInteger resumed = new AtomicInteger();

    /** Runs until released, ignoring cancels (a process the agent's death does not stop); resume says so. */
    private final TaskHandler hold = new TaskHandler() {
        @Override
        public TaskOutcome execute(TaskRequest r, TaskContext c) throws Exception {
            executed.incrementAndGet();
            release.await(30, TimeUnit.SECONDS);
            return TaskOutcome.succeeded("executed");
        }

        @Override
        public TaskOutcome resume(TaskRequest r, TaskContext c) {
            resumed.incrementAndGet();
            return TaskOutcome.succeeded("resumed " + r.param("n", ""));
        }
    };

    @AfterEach
    void releaseHandlers() {
        release.countDown();
    }

    private long results(String taskId) {
        return channel.all(Result.class).stream().filter(r -> r.taskId().equals(taskId)).count();
    }

    private long files(String folder) throws Exception {
        try (Stream<Path> s = Files.list(data.resolve(folder))) {
            return s.count();
        }
    }

    /** kill -9, then a new agent over the same data folder. */
    private void crashAndRestart(HandlerRegistry registry) throws Exception {
        int hellos = channel.all(Hello.class).size();
        agent.stop();
        agent = new Agent(settings(center.port(), "tok-1"), ID, registry);
        agent.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> channel.all(Hello.class).size() > hellos);
    }

    /** A fresh agent behind a channel that never answers results with {@code Ack(STORED)} by itself. */
    private void restartBehindAChannelThatNeverStores() throws Exception {
        channel.close();
        channel = FakePeer.channel(0, false);
        offered.set(List.of(channel.address()));
        agent.stop();
        agent = new Agent(settings(center.port(), "tok-1"), ID, handlers);
        agent.start();
        channel.awaitFirst(Hello.class, x -> true);
    }

    @Test
    void theHandlerReleasesATaskOnceTheCenterStoredItsResult() throws Exception {
        List<String> released = new CopyOnWriteArrayList<>();
        handlers.add(new TaskHandler() {
            @Override
            public TaskOutcome execute(TaskRequest r, TaskContext c) {
                return TaskOutcome.succeeded("kept");
            }

            @Override
            public void release(TaskRequest r) {
                released.add(r.taskId());
            }
        }, Map.of(TaskHandler.TYPE, "keep", "service.id", 12L));
        restartBehindAChannelThatNeverStores();
        channel.broadcast(task("k-1", "keep", Map.of()));
        await().atMost(Duration.ofSeconds(10)).until(() -> results("k-1") >= 1);
        assertEquals(List.of(), released, "nothing is released before the center stored the result");
        channel.broadcast(new Ack("k-1", ID.hostId(), AckKind.STORED));
        await().atMost(Duration.ofSeconds(5)).until(() -> released.equals(List.of("k-1")));
        channel.broadcast(new Ack("k-1", ID.hostId(), AckKind.STORED)); // a duplicate ack releases nothing more
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> released.size() == 1);
    }

    @Test
    void resultsAreResentUntilStoredThenDropped() throws Exception {
        restartBehindAChannelThatNeverStores();
        channel.broadcast(task("s-1", "echo", Map.of("text", "kept")));
        await().atMost(Duration.ofSeconds(10)).until(() -> results("s-1") >= 3);
        assertEquals(1, files("outbox"));
        channel.broadcast(new Ack("s-1", ID.hostId(), AckKind.STORED));
        await().atMost(Duration.ofSeconds(5)).until(() -> files("outbox") == 0);
        long n = results("s-1");
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4)).until(() -> results("s-1") == n);
        channel.broadcast(new Ack("nobody", ID.hostId(), AckKind.STORED)); // unknown: ignored and counted
        await().atMost(Duration.ofSeconds(5)).until(() -> agent.unknownAcks() == 1);
    }

    @Test
    void aResultTheCenterQueuedIsNotResentForAWhile() throws Exception {
        restartBehindAChannelThatNeverStores();
        channel.broadcast(task("q-1", "echo", Map.of("text", "kept")));
        await().atMost(Duration.ofSeconds(10)).until(() -> results("q-1") >= 1);
        // the center is busy: it has the result and will store it (resends would only add to its work)
        channel.broadcast(new Ack("q-1", ID.hostId(), AckKind.QUEUED));
        long[] n = {0};
        await().pollDelay(Duration.ofMillis(150)).atMost(Duration.ofSeconds(2)).until(() -> (n[0] = results("q-1")) > 0);
        // resends every 200-400 ms otherwise; held for resendMaxMillis (1 s here)
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> results("q-1") == n[0]);
        // no STORED came: after the hold it is sent again, and STORED then drops it
        await().atMost(Duration.ofSeconds(5)).until(() -> results("q-1") > n[0]);
        channel.broadcast(new Ack("q-1", ID.hostId(), AckKind.STORED));
        await().atMost(Duration.ofSeconds(5)).until(() -> files("outbox") == 0);
    }

    @Test
    void aRestartedAgentResumesInsteadOfRunningAgain() throws Exception {
        handlers.add(hold, Map.of(TaskHandler.TYPE, "hold", "service.id", 11L));
        channel.awaitFirst(Hello.class, x -> true);
        channel.broadcast(task("r-1", "hold", Map.of("n", "1")));
        channel.awaitFirst(Ack.class, a -> a.taskId().equals("r-1") && a.kind() == AckKind.RUNNING);

        crashAndRestart(handlers);
        channel.broadcast(task("r-1", "hold", Map.of("n", "1"))); // the center sends it again
        Result r = channel.awaitFirst(Result.class, x -> x.taskId().equals("r-1"));
        assertEquals("resumed 1", new String(r.stdout(), UTF_8));
        assertEquals(HostTaskState.SUCCEEDED, r.state());
        await().atMost(Duration.ofSeconds(5)).until(() -> files("outbox") == 0); // stored

        channel.broadcast(task("r-1", "hold", Map.of("n", "1"))); // a late duplicate: answered, never run
        await().atMost(Duration.ofSeconds(5)).until(() -> results("r-1") >= 2);
        crashAndRestart(handlers); // and once more: acknowledged, so nothing is resumed
        channel.broadcast(task("r-1", "hold", Map.of("n", "1")));
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> resumed.get() == 1);
        assertEquals(1, executed.get());
    }

    @Test
    void aResultKeptInTheOutboxIsSentAfterARestartWithoutResuming() throws Exception {
        channel.close();
        channel = FakePeer.channel(0, false); // nothing gets stored
        offered.set(List.of(channel.address()));
        crashAndRestart(handlers);
        channel.broadcast(task("k-1", "echo", Map.of("text", "before")));
        channel.awaitFirst(Result.class, x -> x.taskId().equals("k-1"));
        crashAndRestart(handlers);
        long before = results("k-1");
        await().atMost(Duration.ofSeconds(5)).until(() -> results("k-1") > before); // resent on reconnect
        assertEquals(1, files("outbox"));
    }

    @Test
    void aResumedTaskWaitsForItsHandler() throws Exception {
        handlers.add(hold, Map.of(TaskHandler.TYPE, "hold", "service.id", 11L));
        channel.awaitFirst(Hello.class, x -> true);
        channel.broadcast(task("w-1", "hold", Map.of("n", "2")));
        channel.awaitFirst(Ack.class, a -> a.taskId().equals("w-1") && a.kind() == AckKind.RUNNING);
        HandlerRegistry late = new HandlerRegistry();
        crashAndRestart(late);
        late.add(hold, Map.of(TaskHandler.TYPE, "hold", "service.id", 12L)); // the capability starts after the core
        Result r = channel.awaitFirst(Result.class, x -> x.taskId().equals("w-1"));
        assertEquals("resumed 2", new String(r.stdout(), UTF_8));
        assertEquals(1, executed.get());
    }

    @Test
    void aResumedTaskFailsWhenItsHandlerNeverComes() throws Exception {
        handlers.add(hold, Map.of(TaskHandler.TYPE, "hold", "service.id", 11L));
        channel.awaitFirst(Hello.class, x -> true);
        channel.broadcast(task("w-2", "hold", Map.of("n", "3")));
        channel.awaitFirst(Ack.class, a -> a.taskId().equals("w-2") && a.kind() == AckKind.RUNNING);
        crashAndRestart(new HandlerRegistry());
        Result missing = channel.awaitFirst(Result.class, x -> x.taskId().equals("w-2"));
        assertEquals(ErrorCode.HANDLER_MISSING.name(), missing.errorCode()); // after the 2 s wait
        await().atMost(Duration.ofSeconds(5)).until(() -> files("outbox") == 0);
        crashAndRestart(handlers); // reported and stored: nothing left to resume
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> resumed.get() == 0);
        assertEquals(1, executed.get());
    }
}
