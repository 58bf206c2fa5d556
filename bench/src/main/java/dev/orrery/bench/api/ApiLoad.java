package dev.orrery.bench.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Sustained single-host commands through the REST API, open loop: {@code POST /cmd} at a fixed
 * offered rate for a number of seconds, each to one host drawn at random. A command counts from
 * the moment its POST is sent to the moment the center recorded it {@code DONE} (for a one-host
 * task: its host's {@code timestamps.finished}, written in the same transaction that ends the
 * task; client and center share this machine's clock). The finish times are read once per task
 * after the load, so measuring adds no polling load while the load runs.
 */
public final class ApiLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long COLLECT_TIMEOUT_MILLIS = 120_000;

    /** The REST API, signed: answers a call with its status and body. */
    public interface Api {
        /** @return the answer; fails only on a transport error */
        CompletableFuture<Answer> call(String method, String path, String body);
    }

    /** An HTTP answer. */
    public record Answer(int status, String body) {
    }

    /** One accepted command: its task and when its POST was sent (epoch ms). */
    record Sent(String taskId, long sentAt) {
    }

    private final Api api;
    private final List<String> hostIds;
    private final int rate;
    private final int seconds;
    private final int maxOutstanding;
    private final Consumer<String> progress;
    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger transportErrors = new AtomicInteger();
    private final Latencies accept = new Latencies();
    private final AtomicLong lastDone = new AtomicLong();

    /**
     * @param api the signed API
     * @param hostIds the hosts to draw targets from
     * @param rate offered commands per second
     * @param seconds how long to offer them
     * @param maxOutstanding most POSTs awaiting their 202 at once (the client's own bound)
     * @param progress receives a line every second
     */
    public ApiLoad(Api api, List<String> hostIds, int rate, int seconds, int maxOutstanding, Consumer<String> progress) {
        if (hostIds.isEmpty() || rate < 1 || seconds < 1 || maxOutstanding < 1) {
            throw new IllegalArgumentException("need hosts, rate >= 1, seconds >= 1, maxOutstanding >= 1");
        }
        this.api = api;
        this.hostIds = List.copyOf(hostIds);
        this.rate = rate;
        this.seconds = seconds;
        this.maxOutstanding = maxOutstanding;
        this.progress = progress;
    }

    /** Offers the load, then reads every task's finish time. */
    public ApiFigures run() throws InterruptedException {
        long start = System.nanoTime();
        OpenLoop.Load load = OpenLoop.run(rate, seconds, maxOutstanding, this::post, issued -> progress.accept(String.format(
                "api: %d s, %d offered, %d accepted, %d refused", (System.nanoTime() - start) / 1_000_000_000L, issued, sent.size(),
                refused.get())));
        progress.accept("api: load over; reading the finish time of " + sent.size() + " task(s)");
        Latencies done = new Latencies();
        int unfinished = collect(done);
        return new ApiFigures(rate, load.offered(), sent.size(), refused.get(), transportErrors.get(), unfinished, load.clientBound(),
                load.seconds(), load.startMillis(), lastDone.get(), done, accept);
    }

    private void post(Runnable answered) {
        String host = hostIds.get(ThreadLocalRandom.current().nextInt(hostIds.size()));
        String body = "{\"targets\":{\"hosts\":[\"" + host + "\"]},\"command\":\"uptime\"}";
        long sentAt = System.currentTimeMillis();
        long t0 = System.nanoTime();
        api.call("POST", "/cmd", body).whenComplete((a, e) -> {
            try {
                if (e != null) {
                    transportErrors.incrementAndGet();
                } else if (a.status() == 202) {
                    accept.add((System.nanoTime() - t0) / 1_000_000L);
                    sent.add(new Sent(JSON.readTree(a.body()).path("taskId").asText(), sentAt));
                } else {
                    refused.incrementAndGet();
                }
            } catch (Exception parse) {
                refused.incrementAndGet();
            } finally {
                answered.run();
            }
        });
    }

    /** Reads each task's DONE time, a few at a time; @return how many never finished in time */
    private int collect(Latencies done) throws InterruptedException {
        List<Sent> pending = new ArrayList<>(sent);
        long deadline = System.currentTimeMillis() + COLLECT_TIMEOUT_MILLIS;
        while (!pending.isEmpty() && System.currentTimeMillis() < deadline) {
            ConcurrentLinkedQueue<Sent> retry = new ConcurrentLinkedQueue<>();
            Semaphore inFlight = new Semaphore(32);
            for (Sent s : pending) {
                inFlight.acquire();
                api.call("GET", "/tasks/" + s.taskId() + "/results?limit=1", null).whenComplete((a, e) -> {
                    try {
                        long finished = e == null && a.status() == 200 ? finishedAt(a.body()) : -1;
                        if (finished > 0) {
                            done.add(Math.max(0, finished - s.sentAt()));
                            lastDone.accumulateAndGet(finished, Math::max);
                        } else {
                            retry.add(s);
                        }
                    } finally {
                        inFlight.release();
                    }
                });
            }
            inFlight.acquire(32);
            pending = new ArrayList<>(retry);
            if (!pending.isEmpty()) {
                progress.accept("api: " + pending.size() + " task(s) not done yet");
                TimeUnit.MILLISECONDS.sleep(500);
            }
        }
        return pending.size();
    }

    /** @return the finish time of a one-host task's result, or -1 if it has none yet */
    static long finishedAt(String resultsBody) {
        try {
            JsonNode results = JSON.readTree(resultsBody).path("results");
            JsonNode finished = results.path(0).path("timestamps").path("finished");
            return finished.isNumber() ? finished.asLong() : -1;
        } catch (Exception e) {
            return -1;
        }
    }
}
