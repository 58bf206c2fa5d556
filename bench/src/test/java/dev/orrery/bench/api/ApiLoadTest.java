package dev.orrery.bench.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ApiLoadTest {
    @Test
    void readsTheFinishTimeOfAOneHostResult() {
        assertEquals(1234L, ApiLoad.finishedAt("{\"results\":[{\"timestamps\":{\"created\":1,\"finished\":1234}}]}"));
        assertEquals(-1L, ApiLoad.finishedAt("{\"results\":[{\"timestamps\":{\"created\":1,\"finished\":null}}]}"));
        assertEquals(-1L, ApiLoad.finishedAt("{\"results\":[]}"));
        assertEquals(-1L, ApiLoad.finishedAt("not json"));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new ApiLoad(fake(0), List.of(), 1, 1, 1, s -> { }));
        assertThrows(IllegalArgumentException.class, () -> new ApiLoad(fake(0), List.of("h"), 0, 1, 1, s -> { }));
    }

    /** A fake API that accepts every POST and reports each task done 5 ms after it was sent. */
    @Test
    void offersTheRateAndMeasuresEveryCommand() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        FakeApi api = new FakeApi(posts, 0);
        List<String> lines = new ArrayList<>();
        ApiFigures f = new ApiLoad(api, List.of("a", "b"), 200, 1, 64, lines::add).run();
        assertTrue(posts.get() >= 190 && posts.get() <= 200, "offered about 200, was " + posts.get());
        assertEquals(posts.get(), f.accepted());
        assertEquals(posts.get(), f.done().count());
        assertEquals(0, f.unfinished());
        assertTrue(f.done().percentile(99) >= 5, "p99 " + f.done().percentile(99));
        assertTrue(f.line(0).startsWith("api seconds=1 rate=200 commands_per_s="), f.line(0));
        assertTrue(!f.line(0).contains("baseline"), f.line(0));
        assertTrue(f.line(1000).matches(".* baseline_per_s=1000 ratio=0\\.\\d{3}"), f.line(1000));
        assertTrue(!lines.isEmpty());
    }

    @Test
    void theBaselineCountsAnsweredHealthChecks() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        HttpBaseline.Figures b = HttpBaseline.run(new FakeApi(posts, 0), 200, 1, 64, s -> { });
        assertTrue(b.answered() >= 190 && b.answered() <= 200, "answered " + b.answered());
        assertEquals(0, posts.get(), "the baseline creates no task");
        assertTrue(b.perSecond() > 150, "per second " + b.perSecond());
        assertTrue(b.details().startsWith("baseline GET /health: "), b.details());
    }

    @Test
    void countsRefusals() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        ApiFigures f = new ApiLoad(new FakeApi(posts, 3), List.of("a"), 100, 1, 8, s -> { }).run();
        assertTrue(f.refused() > 0 && f.refused() < posts.get(), "refused " + f.refused() + " of " + posts.get());
        assertEquals(f.accepted(), f.done().count());
    }

    private static ApiLoad.Api fake(int refuseEvery) {
        return new FakeApi(new AtomicInteger(), refuseEvery);
    }

    private record FakeApi(AtomicInteger posts, int refuseEvery, Map<String, Long> sent) implements ApiLoad.Api {
        FakeApi(AtomicInteger posts, int refuseEvery) {
            this(posts, refuseEvery, new ConcurrentHashMap<>());
        }

        @Override
        public CompletableFuture<ApiLoad.Answer> call(String method, String path, String body) {
            if (method.equals("POST")) {
                int n = posts.incrementAndGet();
                if (refuseEvery > 0 && n % refuseEvery == 0) {
                    return CompletableFuture.completedFuture(new ApiLoad.Answer(429, "{}"));
                }
                String id = "t" + n;
                sent.put(id, System.currentTimeMillis());
                return CompletableFuture.completedFuture(new ApiLoad.Answer(202, "{\"taskId\":\"" + id + "\",\"hosts\":1}"));
            }
            if (path.equals("/health")) {
                return CompletableFuture.completedFuture(new ApiLoad.Answer(200, "{\"status\":\"UP\"}"));
            }
            String id = path.substring("/tasks/".length(), path.indexOf("/results"));
            long finished = sent.get(id) + 5;
            return CompletableFuture.completedFuture(new ApiLoad.Answer(200,
                    "{\"results\":[{\"timestamps\":{\"finished\":" + finished + "}}]}"));
        }
    }
}
