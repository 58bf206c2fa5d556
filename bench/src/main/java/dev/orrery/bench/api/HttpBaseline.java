package dev.orrery.bench.api;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The HTTP stack's own limit, measured in the same run as the commands: the same client, the
 * same offered rate and the same bound on outstanding calls, each call a signed
 * {@code GET /health} through the same Jetty, CXF and signature filter, which touches neither
 * the store nor the fleet.
 */
final class HttpBaseline {
    /**
     * @param answered calls answered 200
     * @param seconds how long the load ran
     * @param latency per call, send to answer
     * @param clientBound whether the bound on outstanding calls held the rate back
     */
    record Figures(int answered, double seconds, Latencies latency, boolean clientBound) {
        double perSecond() {
            return answered / seconds;
        }

        String details() {
            return String.format(Locale.ROOT, "baseline GET /health: %.0f answered/s%s, p50 %d ms, p99 %d ms", perSecond(),
                    clientBound ? " (client bound reached)" : "", latency.percentile(50), latency.percentile(99));
        }
    }

    private HttpBaseline() {
    }

    static Figures run(ApiLoad.Api api, int rate, int seconds, int maxOutstanding, Consumer<String> progress)
            throws InterruptedException {
        AtomicInteger ok = new AtomicInteger();
        Latencies latency = new Latencies();
        OpenLoop.Load load = OpenLoop.run(rate, seconds, maxOutstanding, answered -> {
            long t0 = System.nanoTime();
            api.call("GET", "/health", null).whenComplete((a, e) -> {
                if (e == null && a.status() == 200) {
                    ok.incrementAndGet();
                    latency.add((System.nanoTime() - t0) / 1_000_000L);
                }
                answered.run();
            });
        }, issued -> progress.accept("baseline: " + issued + " offered, " + ok.get() + " answered"));
        return new Figures(ok.get(), load.seconds(), latency, load.clientBound());
    }
}
