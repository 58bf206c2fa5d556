package dev.orrery.itests;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.bench.karaf.FreePorts;
import dev.orrery.bench.karaf.KarafProcess;
import dev.orrery.bench.rest.SignedClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fleet of real processes on loopback, built from the separate distributions: one center
 * ({@code center}), channels {@code channel-1..N} (one IDC) and agents {@code agent-1..M} (group
 * {@code fleet}), each its own Karaf folder with free ports. Any member can be killed with
 * SIGKILL and started again on the same folder and ports. {@link #close()} stops every process.
 */
final class Fleet implements AutoCloseable {
    static final String GROUP = "fleet";
    private static final Duration START = Duration.ofSeconds(240);
    /** Many JVMs boot at once on a small CI machine: C1 only and the serial collector boot faster and smaller. */
    private static final String FAST_JVM = " -Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private final Map<String, KarafProcess> members = new LinkedHashMap<>();
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final Path home;
    private final String base;
    private SignedClient api;
    private boolean failed = true;

    private Fleet(Path home, int http) {
        this.home = home;
        this.base = "http://127.0.0.1:" + http + "/api/v1";
    }

    /** Unpacks a center, {@code channels} channels and {@code agents} agents under {@code target/<name>}. */
    static Fleet unpack(String name, int channels, int agents) throws IOException, InterruptedException {
        Fleet fleet = new Fleet(Path.of("target", name).toAbsolutePath(), FreePorts.next());
        int center = FreePorts.next();
        fleet.members.put("center", KarafProcess.unpack(KarafProcess.distribution("orrery.center.tgz"), fleet.home, "center")
                .javaOptions("-Dorrery.role=center" + FAST_JVM)
                .configure(Settings.WEB_CFG, Settings.WEB_PORT, Integer.parseInt(fleet.base.replaceAll(".*:(\\d+)/.*", "$1")))
                .configure(Settings.WEB_CFG, "org.ops4j.pax.web.listening.addresses", "127.0.0.1")
                .configure(Settings.SHELL_CFG, Settings.SHELL_PORT, FreePorts.next())
                .configure(Settings.LINK_CFG, Settings.LINK_PORT, center)
                .configure(Settings.LINK_CFG, "listenHost", "127.0.0.1"));
        for (int i = 1; i <= channels; i++) {
            int port = FreePorts.next();
            fleet.members.put("channel-" + i, KarafProcess.unpack(KarafProcess.distribution("orrery.channel.tgz"), fleet.home, "channel-" + i)
                    .javaOptions("-Dorrery.role=channel" + FAST_JVM)
                    .configure(Settings.SHELL_CFG, Settings.SHELL_PORT, FreePorts.next())
                    .configure(Settings.CHANNEL_CFG, Settings.CHANNEL_ID, "channel-" + i)
                    .configure(Settings.CHANNEL_CFG, Settings.CHANNEL_IDC, "idc-1")
                    .configure(Settings.CHANNEL_CFG, Settings.CHANNEL_LISTEN_HOST, "127.0.0.1")
                    .configure(Settings.CHANNEL_CFG, Settings.CHANNEL_PORT, port)
                    .configure(Settings.CHANNEL_CFG, Settings.CHANNEL_ADVERTISED, "127.0.0.1:" + port)
                    .configure(Settings.CHANNEL_CFG, Settings.CHANNEL_CENTER_PORT, center));
        }
        for (int i = 1; i <= agents; i++) {
            String host = "agent-" + i;
            fleet.members.put(host, KarafProcess.unpack(KarafProcess.distribution("orrery.agent.tgz"), fleet.home, host)
                    .configure(Settings.AGENT_CFG, Settings.AGENT_CENTER_PORT, center)
                    .configure(Settings.HOSTINFO_CFG, "hostId", host)
                    .configure(Settings.HOSTINFO_CFG, "hostname", host)
                    .configure(Settings.HOSTINFO_CFG, "sn", host)
                    .configure(Settings.HOSTINFO_CFG, "idc", "idc-1")
                    .configure(Settings.HOSTINFO_CFG, "groups", GROUP));
        }
        return fleet;
    }

    /** Starts every member, then waits until the API is healthy and every agent is ONLINE. */
    Fleet start() throws IOException {
        // TLS is on by default (docs/tls.md): the center creates its CA and default enrollment tokens at
        // first start; each channel and agent gets the CA and its token in its own data folder before it starts
        KarafProcess center = member("center");
        center.start();
        Enrollment.awaitFiles(center, START, () -> {
            if (!center.alive()) {
                throw new IllegalStateException("center exited by itself:\n" + center.logTail(60));
            }
            return true;
        });
        for (Map.Entry<String, KarafProcess> m : members.entrySet()) {
            if (!m.getKey().equals("center")) {
                Enrollment.give(center, m.getValue(), m.getKey().startsWith("channel-") ? "channel" : "agent");
                m.getValue().start();
            }
        }
        SignedClient anonymous = new SignedClient(base, "-", "-");
        await("REST health").atMost(START).pollInterval(Duration.ofMillis(500)).until(() -> allAlive() && anonymous.healthy());
        Path keyFile = member("center").home().resolve("data").resolve(Settings.ADMIN_KEY);
        await("admin key").atMost(Duration.ofSeconds(30)).until(() -> Files.exists(keyFile) && Files.size(keyFile) > 0);
        api = SignedClient.fromKeyFile(base, keyFile);
        awaitOnline(agents(), START);
        return this;
    }

    SignedClient api() {
        return api;
    }

    KarafProcess member(String name) {
        return Objects.requireNonNull(members.get(name), () -> "no fleet member " + name);
    }

    List<String> agents() {
        return members.keySet().stream().filter(n -> n.startsWith("agent-")).toList();
    }

    /** SIGKILL, as a crash. */
    void kill(String name) throws InterruptedException {
        down.add(name);
        member(name).kill();
    }

    /** Starts a stopped or killed member again on its folder, data and ports. */
    void restart(String name) throws IOException {
        member(name).start();
        down.remove(name);
    }

    /** Waits until these hosts are all ONLINE. */
    void awaitOnline(List<String> hosts, Duration atMost) {
        await(hosts.size() + " hosts ONLINE").atMost(atMost).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> allAlive() && hostChannels().keySet().containsAll(hosts));
    }

    /** @return hostId -> channel of every ONLINE host of the fleet group, as the center sees them */
    Map<String, String> hostChannels() throws IOException, InterruptedException {
        Map<String, String> channels = new TreeMap<>();
        SignedClient.Answer a = api.call("GET", "/hosts?status=ONLINE&group=" + GROUP + "&limit=10000", null);
        if (a.status() != 200) {
            throw new IllegalStateException("GET /hosts: HTTP " + a.status() + " " + a.body());
        }
        a.json().path("hosts").forEach(h -> channels.put(h.path("hostId").asText(), h.path("channel").asText()));
        return channels;
    }

    /** @return channel -> ONLINE hosts on it */
    Map<String, TreeSet<String>> channelHosts() throws IOException, InterruptedException {
        Map<String, TreeSet<String>> byChannel = new TreeMap<>();
        hostChannels().forEach((host, channel) -> byChannel.computeIfAbsent(channel, c -> new TreeSet<>()).add(host));
        return byChannel;
    }

    /** Submits a command to the whole fleet group; @return the task id. */
    String submit(String command, int timeoutSeconds, Map<String, String> env) throws IOException, InterruptedException {
        return submit(command, timeoutSeconds, env, null);
    }

    /**
     * Submits a command to the whole fleet group, its standard output lines also going to a data
     * channel topic when {@code dataTopic} is not {@code null}; @return the task id.
     */
    String submit(String command, int timeoutSeconds, Map<String, String> env, String dataTopic) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("targets", Map.of("groups", List.of(GROUP)));
        body.put("command", command);
        body.put("timeoutSeconds", timeoutSeconds);
        if (!env.isEmpty()) {
            body.put("env", env);
        }
        if (dataTopic != null) {
            body.put("dataTopic", dataTopic);
        }
        SignedClient.Answer a = api.call("POST", "/cmd", SignedClient.JSON.writeValueAsString(body));
        if (a.status() != 202) {
            throw new AssertionError("POST /cmd: HTTP " + a.status() + " " + a.body());
        }
        return a.json().path("taskId").asText();
    }

    /** @return hostId -> state of every host task of the task */
    Map<String, String> states(String taskId) throws IOException, InterruptedException {
        Map<String, String> states = new TreeMap<>();
        for (JsonNode r : results(taskId)) {
            states.put(r.path("hostId").asText(), r.path("state").asText());
        }
        return states;
    }

    JsonNode results(String taskId) throws IOException, InterruptedException {
        SignedClient.Answer a = api.call("GET", "/tasks/" + taskId + "/results?limit=1000", null);
        if (a.status() != 200) {
            throw new IllegalStateException("GET results: HTTP " + a.status() + " " + a.body());
        }
        return a.json().path("results");
    }

    /** Throws when a member that should run has exited (it was not killed by the test). */
    private boolean allAlive() {
        members.forEach((name, k) -> {
            if (!down.contains(name) && !k.alive()) {
                throw new IllegalStateException(name + " exited by itself:\n" + k.logTail(60));
            }
        });
        return true;
    }

    /** Marks the test passed: {@link #close()} then prints no logs. */
    void passed() {
        failed = false;
    }

    /** Stops every process; on failure prints the tail of each member's log first. */
    @Override
    public void close() {
        if (failed) {
            members.values().forEach(k -> System.err.println("==== " + k.name() + " (alive: " + k.alive() + ") karaf.log tail ====\n"
                    + k.logTail(80)));
        }
        new ArrayList<>(members.values()).parallelStream().forEach(KarafProcess::stop);
    }
}
