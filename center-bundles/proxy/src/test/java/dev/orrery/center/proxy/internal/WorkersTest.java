package dev.orrery.center.proxy.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkersTest {

    @Test
    void jobsWithOneKeyRunInArrivalOrderAndKeysRunInParallel() {
        Workers workers = new Workers(4, 60_000, () -> { });
        try {
            Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
            Set<String> threads = ConcurrentHashMap.newKeySet();
            AtomicInteger done = new AtomicInteger();
            int perKey = 500;
            List<String> keys = List.of("t1@a", "t1@b", "t2@a", "t2@b", "t3@c", "t4@d", "t5@e", "t6@f");
            for (int i = 0; i < perKey; i++) {
                for (String k : keys) {
                    int n = i;
                    workers.byKey(k, "test", () -> {
                        seen.computeIfAbsent(k, x -> java.util.Collections.synchronizedList(new ArrayList<>())).add(n);
                        threads.add(Thread.currentThread().getName());
                        done.incrementAndGet();
                    });
                }
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> done.get() == perKey * keys.size());
            for (String k : keys) {
                List<Integer> got = seen.get(k);
                for (int i = 0; i < perKey; i++) {
                    assertEquals(i, got.get(i), "job " + i + " of " + k + " ran out of order");
                }
            }
            assertTrue(threads.size() > 1, "different keys spread over several lanes: " + threads);
        } finally {
            workers.close();
        }
    }
}
