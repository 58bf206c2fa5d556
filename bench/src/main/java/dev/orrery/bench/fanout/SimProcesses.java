package dev.orrery.bench.fanout;

import dev.orrery.bench.ChildJvm;
import dev.orrery.bench.StatusLine;
import dev.orrery.bench.sim.AddressPlan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated fleet as the driver sees it: one {@code bench sim} child JVM per share of
 * {@link AddressPlan#split}, and the sum of their latest {@code @stats}.
 */
public final class SimProcesses implements AutoCloseable {
    private final List<ChildJvm> children = new ArrayList<>();

    /**
     * @param options the run's options
     * @param centerPort where the agents register
     * @param group the group every agent declares
     * @param logDir where each child's log goes
     */
    public static SimProcesses start(FanoutOptions options, int centerPort, String group, Path logDir) throws IOException {
        SimProcesses sims = new SimProcesses();
        List<AddressPlan.Range> ranges = AddressPlan.split(options.agents(), options.perProcess());
        int ratePerProcess = options.rate() == 0 ? 0 : Math.max(1, options.rate() / ranges.size());
        for (int p = 0; p < ranges.size(); p++) {
            AddressPlan.Range r = ranges.get(p);
            List<String> args = new java.util.ArrayList<>(List.of("sim", "--center", "127.0.0.1:" + centerPort, "--first",
                    Integer.toString(r.first()), "--count", Integer.toString(r.count()), "--per-address",
                    Integer.toString(options.perAddress()), "--idc", Cluster.IDC, "--group", group, "--rate",
                    Integer.toString(ratePerProcess)));
            if (options.tls()) {
                Path pki = Cluster.enrollmentFiles(options.work());
                args.addAll(List.of("--ca", pki.resolve("ca.pem").toString(), "--token-file",
                        pki.resolve("enroll-agent.token").toString()));
            }
            // x25519 only: the JDK's client otherwise also makes a P-256 key share per handshake that the
            // servers (which pick x25519) never use, simulator CPU that real agents spend on their own hosts
            sims.children.add(ChildJvm.start("sim-" + (p + 1), List.of("-Xms256m", "-Xmx1g", "-XX:+UseParallelGC",
                    "-Djdk.tls.namedGroups=x25519"), args,
                    logDir.resolve("sim-" + (p + 1) + ".log")));
        }
        return sims;
    }

    /** @return the sum of one figure over every child's latest stats */
    public long sum(String key) {
        long total = 0;
        for (ChildJvm c : children) {
            StatusLine s = c.latest("stats");
            total += s == null ? 0 : s.get(key);
        }
        return total;
    }

    /** @return a short status for progress lines */
    public String status() {
        return String.format("sim: open=%d registered=%d registerFailures=%d refused=%d redirects=%d tasks=%d results=%d"
                + " resends=%d stored=%d queued=%d", sum("open"), sum("registered"), sum("registerFailures"), sum("refused"),
                sum("redirects"), sum("tasks"), sum("results"), sum("resends"), sum("stored"), sum("queued"));
    }

    /** @throws IllegalStateException if a child exited */
    public boolean checkAlive() {
        children.forEach(ChildJvm::checkAlive);
        return true;
    }

    public List<Long> pids() {
        return children.stream().map(ChildJvm::pid).toList();
    }

    public int processes() {
        return children.size();
    }

    @Override
    public void close() {
        children.parallelStream().forEach(ChildJvm::close);
    }
}
