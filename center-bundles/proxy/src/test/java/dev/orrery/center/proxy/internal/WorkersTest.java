package dev.orrery.center.proxy.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WorkersTest {

    @Test
    void presenceJobsRunInArrivalOrder() {
        Workers workers = new Workers(4, 60_000, () -> { });
        try {
            List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 1000; i++) {
                int n = i;
                workers.inOrder("test", () -> seen.add(n));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 1000);
            assertEquals(IntStream.range(0, 1000).boxed().toList(), seen);
        } finally {
            workers.close();
        }
    }

    @Test
    void aFailingJobDoesNotStopTheWorkers() {
        Workers workers = new Workers(2, 60_000, () -> { });
        try {
            AtomicInteger done = new AtomicInteger();
            for (int i = 0; i < 100; i++) {
                int n = i;
                workers.run("test", () -> {
                    if (n % 10 == 0) {
                        throw new IllegalStateException("job " + n + " fails");
                    }
                    done.incrementAndGet();
                });
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> done.get() == 90);
        } finally {
            workers.close();
        }
    }
}
