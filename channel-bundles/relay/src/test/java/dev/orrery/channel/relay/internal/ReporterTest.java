package dev.orrery.channel.relay.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.Report;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReporterTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ScheduledExecutorService changer = Executors.newSingleThreadScheduledExecutor();
    private final List<Long> sentAtNanos = new CopyOnWriteArrayList<>();
    private final List<Report> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger version = new AtomicInteger();
    private final Reporter reporter = new Reporter(scheduler, () -> new Report("c", List.of("v" + version.get()), 0),
            (Message m) -> {
                sentAtNanos.add(System.nanoTime());
                return sent.add((Report) m);
            });

    @AfterEach
    void stop() {
        changer.shutdownNow();
        scheduler.shutdownNow();
    }

    @Test
    void aBurstOfChangesIsCoalescedAndTheLastOneIsReported() {
        AtomicInteger changes = new AtomicInteger();
        long start = System.nanoTime();
        changer.scheduleAtFixedRate(() -> {
            version.incrementAndGet();
            changes.incrementAndGet();
            reporter.requestReport();
        }, 0, 1, TimeUnit.MILLISECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> changes.get() >= 1000);
        changer.shutdownNow();
        long burstMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
        // no change is lost: the last report names the last version
        await().atMost(Duration.ofSeconds(2))
                .until(() -> !sent.isEmpty() && sent.get(sent.size() - 1).hostIds().equals(List.of("v" + version.get())));
        int n = sent.size();
        assertTrue(n >= 2 && n <= burstMs / Reporter.COALESCE_MS + 3, n + " reports for a burst of " + burstMs + " ms");
        for (int i = 1; i < sentAtNanos.size(); i++) {
            long gapMs = Duration.ofNanos(sentAtNanos.get(i) - sentAtNanos.get(i - 1)).toMillis();
            assertTrue(gapMs >= Reporter.COALESCE_MS - 20, "gap of " + gapMs + " ms");
        }
    }

    @Test
    void aLoneChangeIsReportedAtOnceAndPeriodicReportsFollow() {
        reporter.start(1);
        long start = System.nanoTime();
        reporter.requestReport();
        await().atMost(Duration.ofMillis(150)).until(() -> sent.size() == 1);
        await().atMost(Duration.ofSeconds(3)).until(() -> sent.size() >= 2);
        assertTrue(sentAtNanos.get(1) - start >= Duration.ofMillis(900).toNanos());
    }

    @Test
    void aFailingReportDoesNotStopThePeriodicReports() {
        AtomicInteger calls = new AtomicInteger();
        Reporter failing = new Reporter(scheduler, () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("boom (expected by the test)");
            }
            return new Report("c", List.of(), 0);
        }, m -> true);
        failing.start(1);
        await().atMost(Duration.ofSeconds(4)).until(() -> calls.get() >= 2);
    }
}
