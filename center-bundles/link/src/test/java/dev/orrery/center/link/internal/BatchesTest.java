package dev.orrery.center.link.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Group commit per thread: one key keeps its order, a full queue refuses, a failed batch is handed back. */
class BatchesTest {

    @Test
    void itemsOfOneKeyAreWrittenInOrder() {
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        Batches<String[]> b = new Batches<>("t", 4, 10_000, 7, s -> s[0],
                batch -> batch.forEach(s -> seen.computeIfAbsent(s[0], k -> new CopyOnWriteArrayList<>()).add(Integer.parseInt(s[1]))),
                batch -> { });
        try {
            for (int i = 0; i < 500; i++) {
                assertTrue(b.offer(new String[] {"k" + (i % 5), Integer.toString(i)}));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.values().stream().mapToInt(List::size).sum() == 500);
            for (List<Integer> l : seen.values()) {
                List<Integer> sorted = new ArrayList<>(l);
                sorted.sort(null);
                assertEquals(sorted, l);
            }
        } finally {
            b.close();
        }
    }

    @Test
    void aFullQueueRefusesAndAFailedBatchIsHandedBack() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        List<String> failed = new CopyOnWriteArrayList<>();
        Batches<String> b = new Batches<>("t", 1, 2, 10, s -> s, batch -> {
            entered.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("down");
        }, failed::addAll);
        try {
            assertTrue(b.offer("a"));
            entered.await();
            assertTrue(b.offer("b"));
            assertTrue(b.offer("c"));
            assertFalse(b.offer("d"), "two waiting: full");
            gate.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> failed.size() == 3);
            assertEquals(List.of("a", "b", "c"), failed);
        } finally {
            b.close();
        }
        assertFalse(b.offer("e"), "closed");
    }
}
