package dev.orrery.bench.fanout;

import dev.orrery.bench.ChildJvm;
import dev.orrery.bench.sim.AddressPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The transport limit, measured in the same run: as many bare MINA echo servers as channels, the
 * same number of client connections spread over the same processes and source addresses as the
 * simulated fleet, and one round trip of a Task-sized payload on every connection. After an
 * untimed warm-up round, one round is timed: from each client process receiving {@code go} to
 * its last echo back, the slowest process counting.
 */
final class Baseline {
    private Baseline() {
    }

    /** @return seconds for all round trips of the timed round, as the slowest client process measured them */
    static double run(FanoutOptions options, Path logDir, Progress progress) throws Exception {
        List<ChildJvm> children = new ArrayList<>();
        try {
            List<ChildJvm> servers = new ArrayList<>();
            for (int i = 1; i <= options.channels(); i++) {
                ChildJvm s = ChildJvm.start("echo-server-" + i, List.of("-Xmx512m"), List.of("echo-server", "--io-threads", "1"),
                        logDir.resolve("echo-server-" + i + ".log"));
                servers.add(s);
                children.add(s);
            }
            Waits.until("the echo servers", 60, () -> servers.stream().allMatch(s -> alive(s) && s.latest("ready") != null));
            String addresses = servers.stream().map(s -> "127.0.0.1:" + s.latest("ready").get("port"))
                    .collect(Collectors.joining(","));
            List<ChildJvm> clients = new ArrayList<>();
            List<AddressPlan.Range> ranges = AddressPlan.split(options.agents(), options.perProcess());
            for (int p = 0; p < ranges.size(); p++) {
                AddressPlan.Range r = ranges.get(p);
                ChildJvm c = ChildJvm.start("echo-clients-" + (p + 1), List.of("-Xmx1g"),
                        List.of("echo-clients", "--servers", addresses, "--first", Integer.toString(r.first()),
                                "--count", Integer.toString(r.count()), "--per-address", Integer.toString(options.perAddress()),
                                "--payload", Integer.toString(options.payload())),
                        logDir.resolve("echo-clients-" + (p + 1) + ".log"));
                clients.add(c);
                children.add(c);
            }
            progress.phase("baseline: opening " + options.agents() + " echo connections", () -> "");
            Waits.until("every echo connection", options.timeoutSeconds(),
                    () -> clients.stream().allMatch(c -> alive(c) && c.latest("connected") != null));
            progress.phase("baseline: " + options.agents() + " round trips (a warm-up round, then the timed one)", () -> "");
            round(clients, 1, options.timeoutSeconds()); // JIT warm-up of clients and servers, untimed
            double warmUp = slowest(clients);
            Thread.sleep(2000); // let the warm-up's garbage and compilations settle, as the fleet had idle time
            long start = System.nanoTime();
            round(clients, 2, options.timeoutSeconds());
            double driverSeconds = (System.nanoTime() - start) / 1e9;
            double slowestChild = slowest(clients);
            progress.say(String.format("baseline: warm-up round %.3f s; timed round %.3f s seen by the driver, %.3f s by the"
                    + " slowest client process", warmUp, driverSeconds, slowestChild));
            return slowestChild; // the driver's view adds up to one 200 ms poll
        } finally {
            children.parallelStream().forEach(ChildJvm::close);
        }
    }

    private static void round(List<ChildJvm> clients, int round, int timeoutSeconds) throws Exception {
        clients.forEach(c -> c.send("go"));
        Waits.until("every echo round trip of round " + round, timeoutSeconds, () -> clients.stream()
                .allMatch(c -> alive(c) && c.latest("done") != null && c.latest("done").get("round") == round));
    }

    private static double slowest(List<ChildJvm> clients) {
        return clients.stream().map(c -> c.latest("done")).mapToLong(s -> s.get("micros")).max().orElse(0) / 1e6;
    }

    private static boolean alive(ChildJvm c) {
        c.checkAlive();
        return true;
    }
}
