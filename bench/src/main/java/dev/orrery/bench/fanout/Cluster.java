package dev.orrery.bench.fanout;

import dev.orrery.bench.karaf.FreePorts;
import dev.orrery.bench.karaf.KarafProcess;
import dev.orrery.bench.rest.SignedClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real processes under test: one center and N channels (one IDC, admission raised so that
 * connecting is not throttled away), each unpacked from its distribution under the work folder
 * and run as {@code bin/karaf daemon}. {@link #close()} stops every one of them.
 */
public final class Cluster implements AutoCloseable {
    static final String IDC = "bench";
    private final FanoutOptions options;
    private final List<KarafProcess> channels = new ArrayList<>();
    private KarafProcess center;
    private final int restPort;
    private final int centerPort;
    private SignedClient api;
    private javax.net.ssl.SSLContext probeTls;

    public Cluster(FanoutOptions options) {
        this.options = options;
        this.restPort = options.restPort() == 0 ? FreePorts.next() : options.restPort();
        this.centerPort = options.centerPort() == 0 ? FreePorts.next() : options.centerPort();
    }

    /** Unpacks and configures every member. */
    public void unpack() throws IOException, InterruptedException {
        Files.createDirectories(options.work());
        center = KarafProcess.unpack(options.centerTgz(), options.work(), "center")
                .javaOptions("-Dorrery.role=center -Xms512m -Xmx" + options.centerHeap() + " -XX:+UseG1GC " + options.jvmOptions())
                .configure("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", restPort)
                .configure("etc/org.ops4j.pax.web.cfg", "org.ops4j.pax.web.listening.addresses", "127.0.0.1")
                .configure("etc/org.apache.karaf.shell.cfg", "sshPort", FreePorts.next())
                .configure("etc/org.apache.karaf.shell.cfg", "sshHost", "127.0.0.1")
                .configure("etc/dev.orrery.center.link.cfg", "port", centerPort)
                .configure("etc/dev.orrery.center.link.cfg", "listenHost", "127.0.0.1")
                .configure("etc/dev.orrery.center.link.cfg", "tls", options.tls())
                // the benches measure the center, not the per-account limiter that protects it
                .configure("etc/dev.orrery.center.rest.cfg", "rateLimitPerSecond", 0);
        for (int i = 1; i <= options.channels(); i++) {
            int port = options.channelBasePort() == 0 ? FreePorts.next() : options.channelBasePort() + i;
            int admit = Math.max(10_000, options.agents());
            channels.add(KarafProcess.unpack(options.channelTgz(), options.work(), "channel-" + i)
                    .javaOptions("-Dorrery.role=channel -Xms256m -Xmx" + options.channelHeap() + " -XX:+UseG1GC " + options.jvmOptions())
                    .configure("etc/org.apache.karaf.shell.cfg", "sshPort", FreePorts.next())
                    .configure("etc/org.apache.karaf.shell.cfg", "sshHost", "127.0.0.1")
                    .configure("etc/dev.orrery.channel.cfg", "channelId", "channel-" + i)
                    .configure("etc/dev.orrery.channel.cfg", "idc", IDC)
                    .configure("etc/dev.orrery.channel.cfg", "listenHost", "127.0.0.1")
                    .configure("etc/dev.orrery.channel.cfg", "port", port)
                    .configure("etc/dev.orrery.channel.cfg", "advertisedAddress", "127.0.0.1:" + port)
                    .configure("etc/dev.orrery.channel.cfg", "centerPort", centerPort)
                    .configure("etc/dev.orrery.channel.cfg", "tls", options.tls())
                    .configure("etc/dev.orrery.channel.cfg", "admitPerSecond", admit)
                    .configure("etc/dev.orrery.channel.cfg", "admitBurst", admit));
        }
    }

    /** Starts every member, then waits for the REST API, the admin key and every channel healthy. */
    public void start(Progress progress) throws Exception {
        center.start();
        if (options.tls()) {
            // the channels enroll with the center's CA and default channel token (docs/tls.md)
            Path pki = enrollmentFiles(options.work());
            Waits.until("the center's CA and tokens", options.timeoutSeconds(),
                    () -> centerAlive() && Files.isRegularFile(pki.resolve("enroll-channel.token")));
            for (KarafProcess c : channels) {
                Path to = Files.createDirectories(c.home().resolve("data/orrery"));
                for (String f : List.of("ca.pem", "enroll-channel.token")) {
                    Files.copy(pki.resolve(f), to.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        for (KarafProcess c : channels) {
            c.start();
        }
        SignedClient anonymous = new SignedClient(base(), "-", "-");
        progress.phase("starting center and " + channels.size() + " channels", () -> "");
        long t0 = System.nanoTime();
        Waits.until("the REST API to answer", options.timeoutSeconds(), () -> checkAlive() && anonymous.healthy());
        Path key = center.home().resolve("data/orrery/admin-api-key.json");
        Waits.until("the admin key", 60, () -> Files.isRegularFile(key) && Files.size(key) > 0);
        api = SignedClient.fromKeyFile(base(), key);
        progress.say(String.format("center REST API up after %.1f s (%s)", (System.nanoTime() - t0) / 1e9, base()));
        Waits.until("all " + channels.size() + " channels healthy at the center", options.timeoutSeconds(),
                () -> checkAlive() && ChannelProbe.healthyChannels("127.0.0.1", centerPort, IDC, probeTls()) >= channels.size());
        progress.say(String.format("%d channels healthy after %.1f s", channels.size(), (System.nanoTime() - t0) / 1e9));
    }

    /** @return where the center of a cluster under {@code work} writes its CA and enrollment tokens */
    public static Path enrollmentFiles(Path work) {
        return work.resolve("center").resolve("data").resolve("orrery");
    }

    /** @return the channel probe's client context, enrolled once as the probe host; {@code null} without TLS */
    private javax.net.ssl.SSLContext probeTls() throws IOException {
        if (!options.tls()) {
            return null;
        }
        if (probeTls == null) {
            Path pki = enrollmentFiles(options.work());
            dev.orrery.tls.TlsIdentity id = new dev.orrery.tls.Enroller(new dev.orrery.tls.EnrollSettings(
                    options.work().resolve("probe-tls"), "", pki.resolve("enroll-agent.token"), pki.resolve("ca.pem"), ""))
                    .identity("127.0.0.1", centerPort, dev.orrery.tls.PeerRole.AGENT, ChannelProbe.HOST,
                            dev.orrery.protocol.Frames.DEFAULT_MAX_PAYLOAD);
            probeTls = dev.orrery.tls.TlsContexts.of(id, java.util.Set.of(dev.orrery.tls.PeerRole.CENTER));
        }
        return probeTls;
    }

    private boolean centerAlive() {
        if (!center.alive()) {
            throw new IllegalStateException("center exited by itself:\n" + center.logTail(40));
        }
        return true;
    }

    /** @throws IllegalStateException with the log's tail if a member exited by itself */
    public boolean checkAlive() {
        for (KarafProcess k : members()) {
            if (!k.alive()) {
                throw new IllegalStateException(k.name() + " exited by itself:\n" + k.logTail(40));
            }
        }
        return true;
    }

    public List<KarafProcess> members() {
        List<KarafProcess> all = new ArrayList<>();
        if (center != null) {
            all.add(center);
        }
        all.addAll(channels);
        return all;
    }

    public KarafProcess center() {
        return center;
    }

    public List<KarafProcess> channels() {
        return channels;
    }

    public SignedClient api() {
        return api;
    }

    public int centerPort() {
        return centerPort;
    }

    public String base() {
        return "http://127.0.0.1:" + restPort + "/api/v1";
    }

    /** Stops every member, in parallel. */
    @Override
    public void close() {
        members().parallelStream().forEach(KarafProcess::stop);
    }
}
