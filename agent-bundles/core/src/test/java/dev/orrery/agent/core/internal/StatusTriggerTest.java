package dev.orrery.agent.core.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.agent.api.StatusSource;
import dev.orrery.protocol.Message.Status;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The StatusTrigger service: an early status read, long before the (hour-long) status interval; bursts coalesce. */
class StatusTriggerTest extends AgentFixture {
    private final AtomicReference<String> section = new AtomicReference<>("[]");
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicBoolean hold = new AtomicBoolean();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @Override
    AgentLimits limits() {
        return new AgentLimits(3600, 3600, 64L << 20, 200_000, 500, 15, 0, 0, 5, 60);
    }

    @Override
    AgentCore.Hooks hooks() {
        StatusSources sources = new StatusSources();
        sources.add(this::read, Map.of(StatusSource.SECTION, "plugins", "service.id", 3L));
        return new AgentCore.Hooks(sources, () -> WatchdogTest.CALM);
    }

    private String read() {
        reads.incrementAndGet();
        if (hold.get()) {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return section.get();
    }

    private StatusTriggerComponent trigger() {
        StatusTriggerComponent t = new StatusTriggerComponent();
        t.attach(agent.core());
        return t;
    }

    @Test
    void aChangeIsSentAtOnceNotAtTheNextInterval() {
        Status first = channel.awaitFirst(Status.class, s -> true);
        assertEquals("[]", first.sections().get("plugins"));
        section.set("[{\"name\":\"x\"}]");
        trigger().changed();
        Status next = channel.awaitFirst(Status.class, s -> s != first);
        assertEquals(Map.of("plugins", "[{\"name\":\"x\"}]"), next.sections());
    }

    @Test
    void aBurstQueuesOneReadBehindTheRunningOne() throws Exception {
        channel.awaitFirst(Status.class, s -> true);
        StatusTriggerComponent t = trigger();
        int before = reads.get();
        hold.set(true);
        t.changed();
        assertTrue(entered.await(5, TimeUnit.SECONDS), "the early read started");
        hold.set(false);
        for (int i = 0; i < 100; i++) {
            t.changed();
        }
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> reads.get() == before + 2);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> reads.get() == before + 2);
    }

    @Test
    void withoutARunningAgentItDoesNothing() {
        channel.awaitFirst(Status.class, s -> true);
        StatusTriggerComponent t = new StatusTriggerComponent();
        section.set("[1]");
        t.changed();
        t.attach(agent.core());
        t.detach(agent.core());
        t.changed();
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2)).until(() -> channel.all(Status.class).size() == 1);
    }
}
