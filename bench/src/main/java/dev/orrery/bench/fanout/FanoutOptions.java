package dev.orrery.bench.fanout;

import dev.orrery.bench.Args;
import dev.orrery.bench.sim.AddressPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Options of {@code bench fanout}. Ports 0 mean "a free port" (the default, so that the bench
 * never clashes with a running demo or fleet).
 *
 * @param agents simulated agents
 * @param channels channel processes
 * @param root the checkout (distributions are looked up below it)
 * @param work where the center and channels are unpacked (replaced on each run)
 * @param centerTgz the center distribution
 * @param channelTgz the channel distribution
 * @param restPort the center's REST port, 0 for a free one
 * @param centerPort the center's port for channels and registrations, 0 for a free one
 * @param channelBasePort channel i listens on base + i, 0 for free ports
 * @param centerHeap e.g. {@code 2g}
 * @param channelHeap e.g. {@code 1g}
 * @param perProcess most agents per simulator process
 * @param perAddress agents per loopback source address
 * @param rate agents started per second over the whole fleet, 0 for all at once
 * @param timeoutSeconds how long each phase (connect, fan-out) may take
 * @param heap whether to measure heap per connection (jcmd)
 * @param baseline whether to run the echo baseline
 * @param payload bytes of each echo round trip
 * @param jvmOptions extra JVM options of the center and channels (e.g. faster boot for the smoke run)
 * @param jfr where to write JFR recordings of the center (connect and fan-out phases), or {@code null}
 * @param warmupRounds untimed fan-outs of the same command before the timed one (the baseline, too, is timed warm)
 * @param tls TLS on every link: the simulated agents enroll with the center's default agent token (docs/tls.md)
 */
public record FanoutOptions(int agents, int channels, Path root, Path work, Path centerTgz, Path channelTgz,
        int restPort, int centerPort, int channelBasePort, String centerHeap, String channelHeap, int perProcess,
        int perAddress, int rate, int timeoutSeconds, boolean heap, boolean baseline, int payload, String jvmOptions, Path jfr,
        int warmupRounds, boolean tls) {

    static final Set<String> OPTIONS = Set.of("agents", "channels", "root", "work", "center-tgz", "channel-tgz",
            "rest-port", "center-port", "channel-base-port", "center-heap", "channel-heap", "per-process", "per-address",
            "rate", "timeout", "payload", "jvm-opts", "jfr", "warmup-rounds");
    static final Set<String> FLAGS = Set.of("no-heap", "no-baseline", "no-tls");
    static final String USAGE = String.join("\n",
            "usage: ./orrery bench fanout [options]",
            "  --agents N             simulated agents (10000)",
            "  --channels C           channel processes, one IDC (6)",
            "  --rate R               agents started per second over the fleet, 0 = all at once (0)",
            "  --timeout S            longest wait of each phase, seconds (600)",
            "  --warmup-rounds N      untimed fan-outs of the same command before the timed one, so that the JIT of",
            "                         center and channels has compiled the task path, as for the baseline (1)",
            "  --center-heap X        center -Xmx (2g)          --channel-heap X   channel -Xmx (1g)",
            "  --rest-port P          center REST port (free)    --center-port P    center agent/channel port (free)",
            "  --channel-base-port P  channel i listens on P+i (free ports)",
            "  --per-process N        agents per simulator JVM (15000)",
            "  --per-address N        agents per loopback source address 127.1.x.y (1000)",
            "  --payload B            bytes of each echo round trip of the baseline (160)",
            "  --jvm-opts \"...\"       more JVM options for the center and channels",
            "  --work DIR             where center and channels are unpacked (.orrery/bench/fanout)",
            "  --root DIR             the checkout (.)   --center-tgz F / --channel-tgz F   the distributions",
            "  --jfr DIR              record the center with JFR: DIR/connect.jfr, DIR/fanout.jfr",
            "  --no-heap              skip the heap measurement (jcmd GC.run: full GCs)",
            "  --no-baseline          skip the echo baseline",
            "  --no-tls               plain text links (center, channels, simulated agents) instead of TLS with enrollment");

    /**
     * @param args the command line after {@code fanout}
     * @return the options, defaults filled in
     * @throws IllegalArgumentException on a bad option or a missing distribution
     */
    public static FanoutOptions parse(List<String> args) {
        Args a = Args.parse(args, OPTIONS, FLAGS);
        Path root = Path.of(a.string("root", ".")).toAbsolutePath().normalize();
        Path work = Path.of(a.string("work", root.resolve(".orrery/bench/fanout").toString())).toAbsolutePath();
        return new FanoutOptions(a.integer("agents", 10_000, 1, 1_000_000), a.integer("channels", 6, 1, 31), root, work,
                distribution(a.string("center-tgz", null), root, "center"),
                distribution(a.string("channel-tgz", null), root, "channel"),
                a.integer("rest-port", 0, 0, 65535), a.integer("center-port", 0, 0, 65535),
                a.integer("channel-base-port", 0, 0, 65000), a.string("center-heap", "2g"), a.string("channel-heap", "1g"),
                a.integer("per-process", AddressPlan.DEFAULT_PER_PROCESS, 100, 18_000),
                a.integer("per-address", AddressPlan.DEFAULT_PER_ADDRESS, 100, 20_000), a.integer("rate", 0, 0, 1_000_000),
                a.integer("timeout", 600, 10, 86_400), !a.flag("no-heap"), !a.flag("no-baseline"),
                a.integer("payload", 160, 1, 1 << 20), a.string("jvm-opts", ""),
                a.string("jfr", null) == null ? null : Path.of(a.string("jfr", null)).toAbsolutePath(),
                a.integer("warmup-rounds", 1, 0, 10), !a.flag("no-tls"));
    }

    /** @return the given file, or {@code <root>/distribution/<kind>/target/orrery-<kind>-*.tar.gz} */
    static Path distribution(String given, Path root, String kind) {
        if (given != null) {
            Path p = Path.of(given);
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("no such distribution: " + p);
            }
            return p;
        }
        Path dir = root.resolve("distribution").resolve(kind).resolve("target");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("orrery-" + kind + "-.*\\.tar\\.gz")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no orrery-" + kind + " distribution in " + dir
                            + ": build it first (./orrery bench builds what is missing)"));
        } catch (IOException e) {
            throw new IllegalArgumentException("no " + dir + ": build the distributions first", e);
        }
    }
}
