package dev.orrery.bench.fanout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.bench.Command;
import dev.orrery.bench.karaf.KarafProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code bench fanout --agents N --channels C}: starts a real center and C real channels, a
 * simulated fleet of N agents in child JVMs, waits until all N are ONLINE, sends {@code uname -a}
 * to all of them and waits until the task is DONE with every result stored and correct; then
 * measures the bare transport (echo) over the same number of connections. Prints progress, the
 * figures, and last the line {@code fanout agents=N channels=C connect_s=… done_s=… hosts_per_s=…
 * baseline_hosts_per_s=… ratio=…}. Every process it started is stopped, also on failure and
 * Ctrl-C.
 */
public final class FanoutCommand implements Command {
    static final String GROUP = "bench";
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private volatile boolean closed;
    private volatile boolean interrupted;
    private String lastLine;

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        if (args.contains("--help") || args.contains("-h")) {
            out.println(FanoutOptions.USAGE);
            return 0;
        }
        FanoutOptions o = FanoutOptions.parse(args);
        Thread hook = new Thread(() -> {
            interrupted = true;
            closeAll();
        }, "bench-fanout-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Progress progress = new Progress(out, 3)) {
            FanoutFigures figures;
            try {
                figures = measure(o, progress);
            } catch (Exception e) {
                if (interrupted) {
                    progress.say("stopped: every process the bench started is being stopped");
                    return 130;
                }
                throw e;
            }
            figures.report().forEach(progress::say);
            lastLine = figures.lastLine();
            out.println(lastLine);
            out.flush();
            return 0;
        } finally {
            closeAll();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
    }

    /** @return the last line of the last successful run, for the smoke test */
    public String lastLine() {
        return lastLine;
    }

    private FanoutFigures measure(FanoutOptions o, Progress progress) throws Exception {
        keep(WorkLock.take(o.work()));
        Path logs = o.work().resolve("logs");
        deleteTree(logs);
        Files.createDirectories(logs);
        progress.say("fanout: " + o.agents() + " agents, " + o.channels() + " channels; processes under " + o.work());
        Cluster cluster = keep(new Cluster(o));
        cluster.unpack();
        cluster.start(progress);
        CenterApi api = new CenterApi(cluster.api());
        long[] idleHeap = o.heap() ? heaps(cluster, progress, "idle") : null;

        SimProcesses sims = keep(SimProcesses.start(o, cluster.centerPort(), GROUP, logs));
        long[] online = {0};
        progress.phase("connecting " + o.agents() + " agents (" + sims.processes() + " simulator processes)",
                () -> "online=" + online[0] + "/" + o.agents() + " " + sims.status());
        JfrProbe jfr = o.jfr() == null ? null : JfrProbe.start(cluster.center().pid(), jfrFile(o, "connect"), progress);
        long t0 = System.nanoTime();
        // counting ONLINE hosts costs the center a query over the group: rarely for a big fleet
        Waits.until(o.agents() + " agents ONLINE", o.timeoutSeconds(), o.agents() >= 50_000 ? 5000 : o.agents() >= 5000 ? 2000 : 500,
                () -> cluster.checkAlive() && sims.checkAlive() && (online[0] = api.online(GROUP)) >= o.agents());
        double connectS = (System.nanoTime() - t0) / 1e9;
        if (jfr != null) {
            jfr.stop();
        }
        progress.say(String.format("all %d agents ONLINE after %.2f s", o.agents(), connectS));
        long[] busyHeap = o.heap() ? heaps(cluster, progress, "with " + o.agents() + " agents") : null;

        Round round = null;
        for (int r = 0; r <= o.warmupRounds(); r++) {
            boolean timed = r == o.warmupRounds();
            round = fanOut(o, cluster, api, sims, progress, timed ? "fan-out" : "warm-up fan-out " + (r + 1) + " (not counted)",
                    timed && o.jfr() != null);
            progress.say(String.format("%s: DONE after %.3f s", timed ? "timed fan-out" : "warm-up " + (r + 1), round.doneS()));
        }
        closeAll(); // the baseline gets the machine to itself
        closed = false;
        keep(WorkLock.take(o.work()));
        double baselineS = o.baseline() ? Baseline.run(o, logs, progress) : 0;
        return new FanoutFigures(o.agents(), o.channels(), connectS, round.postS(), round.doneS(), round.resultsS(),
                idleHeap == null ? -1 : (double) (busyHeap[1] - idleHeap[1]) / o.agents(),
                idleHeap == null ? -1 : (double) (busyHeap[0] - idleHeap[0]) / o.agents(), baselineS);
    }

    /** One fan-out: when its POST was answered, when it was DONE, and over how long its results were stored. */
    private record Round(double postS, double doneS, double resultsS) {
    }

    /** Sends {@code uname -a} to the group, waits until DONE, and checks every result. */
    private Round fanOut(FanoutOptions o, Cluster cluster, CenterApi api, SimProcesses sims, Progress progress, String label,
            boolean record) throws Exception {
        JsonNode[] task = {null};
        progress.phase(label + ": uname -a to " + o.agents() + " agents",
                () -> (task[0] == null ? "" : "state=" + task[0].path("state").asText() + " " + task[0].path("counts")) + " "
                        + sims.status());
        JfrProbe jfr = record ? JfrProbe.start(cluster.center().pid(), jfrFile(o, "fanout"), progress) : null;
        long sent = System.nanoTime();
        long sentAt = System.currentTimeMillis();
        String taskId = api.submit(GROUP, "uname -a", Math.max(60, o.timeoutSeconds()));
        double postS = (System.nanoTime() - sent) / 1e9;
        // Polled twice a second: the counts query loads the center. The stored results' updatedAt
        // tells afterwards when the center took each result in (before its commit, so earlier than DONE).
        Waits.until("task " + taskId + " DONE", o.timeoutSeconds(), 500, () -> {
            task[0] = api.task(taskId);
            return "DONE".equals(task[0].path("state").asText());
        });
        long doneAt = System.currentTimeMillis();
        if (jfr != null) {
            jfr.stop();
        }
        long succeeded = task[0].path("counts").path("succeeded").asLong();
        CenterApi.Results results = api.results(taskId, o.agents());
        double doneS = (doneAt - sentAt) / 1e3;
        double resultsS = results.firstStored() > 0 ? Math.max(1e-3, (doneAt - results.firstStored()) / 1e3) : doneS;
        progress.say(String.format("task %s DONE after %.3f s (polled every 0.5 s; the results' updatedAt span %.3f s"
                + " to %.3f s after the POST): %s", taskId, doneS, (results.firstStored() - sentAt) / 1e3,
                (results.lastStored() - sentAt) / 1e3, task[0].path("counts")));
        long verified = results.good();
        progress.say("results: " + succeeded + " SUCCEEDED, " + verified + " read back with exit 0 and 'ok <hostId>'; "
                + sims.status());
        if (succeeded != o.agents() || verified != o.agents()) {
            throw new IllegalStateException("expected " + o.agents() + " correct results, got " + succeeded
                    + " succeeded and " + verified + " verified: " + task[0]);
        }
        return new Round(postS, doneS, resultsS);
    }

    /** @return {center live heap, sum of the channels' live heap}, measured in parallel */
    private static long[] heaps(Cluster cluster, Progress progress, String when) {
        List<KarafProcess> members = cluster.members();
        long[] live = members.parallelStream().mapToLong(k -> HeapProbe.liveBytes(k.pid())).toArray();
        long channels = 0;
        for (int i = 1; i < live.length; i++) {
            channels += live[i];
        }
        progress.say(String.format("live heap %s: center %.1f MiB, channels %.1f MiB in all", when, live[0] / 1048576.0,
                channels / 1048576.0));
        return new long[] {live[0], channels};
    }

    private static Path jfrFile(FanoutOptions o, String phase) throws IOException {
        return Files.createDirectories(o.jfr()).resolve(phase + ".jfr");
    }

    private <T extends AutoCloseable> T keep(T resource) {
        started.push(resource);
        return resource;
    }

    /** Stops everything started so far, newest first; idempotent. */
    private synchronized void closeAll() {
        if (closed) {
            return;
        }
        closed = true;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("[bench] stopping: " + e);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
