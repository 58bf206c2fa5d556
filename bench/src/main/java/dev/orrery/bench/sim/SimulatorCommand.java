package dev.orrery.bench.sim;

import dev.orrery.bench.Args;
import dev.orrery.bench.Command;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench sim}: one simulator process, started by the driver. Runs its share of the fleet
 * until its standard input says {@code stop} or closes (the driver ended), printing an
 * {@code @stats} line every second.
 */
public final class SimulatorCommand implements Command {
    private static final Set<String> OPTIONS = Set.of("center", "first", "count", "per-address", "idc", "group",
            "io-threads", "rate", "ca", "token-file");

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        SimConfig config = config(args);
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor();
        try (SimFleet fleet = new SimFleet(config, tls(args))) {
            fleet.start();
            reporter.scheduleAtFixedRate(() -> out.println(fleet.stats.line().format()), 0, 1, TimeUnit.SECONDS);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.trim().equals("stop"); line = in.readLine()) {
                // only "stop" means something
            }
            reporter.shutdownNow();
            out.println(fleet.stats.line().format());
        } finally {
            reporter.shutdownNow();
        }
        out.flush();
        return 0;
    }

    static SimTls tls(List<String> args) throws java.io.IOException, java.security.GeneralSecurityException {
        Args a = Args.parse(args, OPTIONS, Set.of());
        String ca = a.string("ca", null);
        if (ca == null) {
            return null;
        }
        return SimTls.of(dev.orrery.tls.Pem.readCertificate(java.nio.file.Files.readString(java.nio.file.Path.of(ca))),
                java.nio.file.Files.readString(java.nio.file.Path.of(a.string("token-file", ""))).trim());
    }

    static SimConfig config(List<String> args) {
        Args a = Args.parse(args, OPTIONS, Set.of());
        String center = a.string("center", "127.0.0.1:7700");
        List<InetSocketAddress> parsed = SimFleet.parse(List.of(center));
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("--center must be host:port, got '" + center + "'");
        }
        return new SimConfig(parsed.get(0), a.integer("first", 0, 0, 10_000_000), a.integer("count", 100, 0, 100_000),
                a.integer("per-address", AddressPlan.DEFAULT_PER_ADDRESS, 1, 28_000), a.string("idc", "default"),
                a.string("group", "bench"), a.integer("io-threads", 2, 1, 64), a.integer("rate", 0, 0, 10_000_000));
    }
}
