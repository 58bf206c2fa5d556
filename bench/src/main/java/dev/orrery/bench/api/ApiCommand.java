package dev.orrery.bench.api;

import dev.orrery.bench.Command;
import dev.orrery.bench.fanout.CenterApi;
import dev.orrery.bench.fanout.Cluster;
import dev.orrery.bench.fanout.JfrProbe;
import dev.orrery.bench.fanout.FanoutOptions;
import dev.orrery.bench.fanout.Progress;
import dev.orrery.bench.fanout.SimProcesses;
import dev.orrery.bench.fanout.Waits;
import dev.orrery.bench.fanout.WorkLock;
import dev.orrery.bench.rest.SignedClient;
import dev.orrery.bench.sim.AddressPlan;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code bench api --seconds S [--rate R] [--agents N] [fanout cluster options]}: a real center
 * and channels with a simulated fleet (as {@code bench fanout} starts them), then sustained
 * single-host commands through the signed REST API for S seconds at an offered rate; prints
 * commands/s and p50/p99 from {@code POST /cmd} to {@code DONE}, last the line
 * {@code api seconds=… rate=… commands_per_s=… p50_ms=… p99_ms=… accepted=… refused=… unfinished=…}.
 * Every process it started is stopped, also on failure.
 */
public final class ApiCommand implements Command {
    static final String USAGE = String.join("\n",
            "usage: ./orrery bench api [--seconds S] [--rate R] [--max-outstanding M] [cluster options of bench fanout]",
            "  --seconds S           how long to offer the load (30)",
            "  --warmup W            first offer the same load for W s, not counted, so that the JIT has compiled the",
            "                        request path before the measured seconds begin (10; 0: none)",
            "  --rate R              offered commands per second, each to one random host (5000)",
            "  --max-outstanding M   most POSTs awaiting their answer at once (512)",
            "  cluster options as for ./orrery bench fanout; defaults here: --agents 1000 --channels 2",
            "  --work .orrery/bench/api --no-heap; --jfr DIR records the center during the load: DIR/api.jfr;",
            "  --no-baseline skips the baseline: the same load of signed GET /health (the HTTP stack's own limit),",
            "  measured after the commands, whose rate ends the last line as baseline_per_s=... ratio=...");

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        if (args.contains("--help") || args.contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        List<String> rest = new ArrayList<>(args);
        int seconds = take(rest, "seconds", 30, 1, 3600);
        int rate = take(rest, "rate", 5000, 1, 1_000_000);
        int outstanding = take(rest, "max-outstanding", 512, 1, 65_536);
        int warmup = take(rest, "warmup", 10, 0, 600);
        defaults(rest, "agents", "1000");
        defaults(rest, "channels", "2");
        FanoutOptions probe = FanoutOptions.parse(rest);
        defaults(rest, "work", probe.root().resolve(".orrery/bench/api").toString());
        FanoutOptions o = FanoutOptions.parse(rest);
        try (Progress progress = new Progress(out, 3);
                WorkLock lock = WorkLock.take(o.work());
                Cluster cluster = new Cluster(o)) {
            Files.createDirectories(o.work().resolve("logs"));
            progress.say("api: " + o.agents() + " simulated agents, " + o.channels() + " channels; load " + rate + "/s for "
                    + seconds + " s");
            cluster.unpack();
            cluster.start(progress);
            try (SimProcesses sims = SimProcesses.start(o, cluster.centerPort(), "bench", o.work().resolve("logs"))) {
                CenterApi center = new CenterApi(cluster.api());
                progress.phase("connecting " + o.agents() + " agents", sims::status);
                Waits.until(o.agents() + " agents ONLINE", o.timeoutSeconds(), 1000,
                        () -> cluster.checkAlive() && sims.checkAlive() && center.online("bench") >= o.agents());
                progress.phase("all " + o.agents() + " agents ONLINE; offering " + rate + " commands/s for " + seconds + " s",
                        () -> "");
                SignedClient api = cluster.api();
                List<String> hosts = IntStream.range(0, o.agents()).mapToObj(AddressPlan::hostId).toList();
                ApiLoad.Api client = (m, p, b) -> api.callAsync(m, p, b).thenApply(a -> new ApiLoad.Answer(a.status(), a.body()));
                if (warmup > 0) {
                    progress.say("api: warming up for " + warmup + " s (not counted)");
                    new ApiLoad(client, hosts, rate, warmup, outstanding, line -> { }).run();
                }
                JfrProbe jfr = o.jfr() == null ? null
                        : JfrProbe.start(cluster.center().pid(), Files.createDirectories(o.jfr()).resolve("api.jfr"), progress);
                ApiFigures f = new ApiLoad(client, hosts, rate, seconds, outstanding, progress::say).run();
                if (jfr != null) {
                    jfr.stop();
                }
                for (String line : f.details().split("\n")) {
                    progress.say(line);
                }
                double baseline = 0;
                if (o.baseline()) {
                    progress.say("api: baseline, the same load of signed GET /health for " + seconds + " s");
                    HttpBaseline.Figures b = HttpBaseline.run(client, rate, seconds, outstanding, progress::say);
                    progress.say(b.details());
                    baseline = b.perSecond();
                }
                out.println(f.line(baseline));
                out.flush();
                return f.accepted() > 0 && f.unfinished() == 0 ? 0 : 1;
            }
        }
    }

    /** Removes {@code --name V} (or {@code --name=V}) from the list. @return its value, or the default */
    static int take(List<String> args, String name, int dflt, int min, int max) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = null;
            if (a.equals("--" + name) && i + 1 < args.size()) {
                value = args.remove(i + 1);
                args.remove(i);
            } else if (a.startsWith("--" + name + "=")) {
                value = a.substring(name.length() + 3);
                args.remove(i);
            }
            if (value != null) {
                int v;
                try {
                    v = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--" + name + " needs a whole number, got '" + value + "'");
                }
                if (v < min || v > max) {
                    throw new IllegalArgumentException("--" + name + " must be " + min + " to " + max + ", got " + v);
                }
                return v;
            }
        }
        return dflt;
    }

    private static void defaults(List<String> args, String name, String value) {
        boolean given = args.stream().anyMatch(a -> a.equals("--" + name) || a.startsWith("--" + name + "="));
        if (!given) {
            args.add("--" + name);
            args.add(value);
        }
    }
}
