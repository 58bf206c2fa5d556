package dev.orrery.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.bench.karaf.FreePorts;
import dev.orrery.bench.karaf.KarafProcess;
import dev.orrery.bench.rest.SignedClient;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real distributions as separate processes, as an operator runs them: the all-in-one plus two
 * agent distributions, each with its own identity and free ports, then {@code hostname} on all
 * three hosts through the signed REST API; then the agents' own high-risk guard refusing what the
 * center's guard let through, and the center refusing a high-risk command (as a dry run).
 */
class FleetSystemIT {
    private static final Duration START = Duration.ofSeconds(180);
    private static final List<String> HOSTS = List.of("sys-center", "sys-agent-1", "sys-agent-2");
    private static final String GUARD_CFG = "etc/dev.orrery.guard.cfg";
    private static final String MARKER = "orrery-it-guard-marker";
    private static final String MARKER_RULE = "it-marker";

    private final List<KarafProcess> started = new ArrayList<>();
    private boolean failed = true;

    @Test
    void hostnameRunsOnThreeHostsThroughSignedRest() throws Exception {
        Path work = Path.of("target", "system-test").toAbsolutePath();
        int http = FreePorts.next();
        int center = FreePorts.next();

        KarafProcess allInOne = KarafProcess.unpack(distribution("orrery.allinone.tgz"), work, "allinone")
                .configure(Settings.WEB_CFG, Settings.WEB_PORT, http)
                .configure(Settings.SHELL_CFG, Settings.SHELL_PORT, FreePorts.next())
                .configure(Settings.LINK_CFG, Settings.LINK_PORT, center)
                .configure(Settings.CHANNEL_CFG, Settings.CHANNEL_PORT, FreePorts.next())
                .configure(Settings.CHANNEL_CFG, Settings.CHANNEL_CENTER_PORT, center)
                .configure(Settings.AGENT_CFG, Settings.AGENT_CENTER_PORT, center);
        identity(allInOne, HOSTS.get(0));
        List<KarafProcess> fleet = new ArrayList<>(List.of(allInOne));
        for (String host : HOSTS.subList(1, HOSTS.size())) {
            KarafProcess agent = KarafProcess.unpack(distribution("orrery.agent.tgz"), work, host)
                    .configure(Settings.AGENT_CFG, Settings.AGENT_CENTER_PORT, center)
                    // the agents' own guard knows one rule more than the center's: a harmless marker
                    .configure(GUARD_CFG, "extraRules", MARKER_RULE + "=^echo " + MARKER);
            identity(agent, host);
            fleet.add(agent);
        }
        allInOne.start();
        started.add(allInOne);
        Enrollment.awaitFiles(allInOne, START, this::allAlive);
        for (KarafProcess k : fleet.subList(1, fleet.size())) {
            Enrollment.give(allInOne, k, "agent");
            k.start();
            started.add(k);
        }

        String base = "http://127.0.0.1:" + http + "/api/v1";
        SignedClient anonymous = new SignedClient(base, "-", "-");
        await("REST health").atMost(START).pollInterval(Duration.ofMillis(500)).until(() -> allAlive() && anonymous.healthy());
        Path keyFile = allInOne.home().resolve("data").resolve(Settings.ADMIN_KEY);
        await("admin key").atMost(Duration.ofSeconds(30)).until(() -> Files.exists(keyFile) && Files.size(keyFile) > 0);
        SignedClient api = SignedClient.fromKeyFile(base, keyFile);
        await("3 hosts ONLINE").atMost(START).pollInterval(Duration.ofSeconds(1))
                .until(() -> allAlive() && onlineHosts(api).containsAll(HOSTS));

        SignedClient.Answer submitted = api.call("POST", "/cmd",
                "{\"targets\":{\"groups\":[\"sys\"]},\"command\":\"hostname\",\"timeoutSeconds\":60}");
        assertEquals(202, submitted.status(), submitted.body());
        String taskId = submitted.json().path("taskId").asText();
        assertEquals(3, submitted.json().path("hosts").asInt(), submitted.body());

        AtomicReference<JsonNode> results = new AtomicReference<>();
        await("3 results").atMost(Duration.ofSeconds(60)).until(() -> {
            SignedClient.Answer a = api.call("GET", "/tasks/" + taskId + "/results", null);
            results.set(a.json().path("results"));
            return a.status() == 200 && countSucceeded(results.get()) == 3;
        });
        String expected = localHostname();
        Set<String> hostIds = new TreeSet<>();
        for (JsonNode r : results.get()) {
            hostIds.add(r.path("hostId").asText());
            assertEquals(0, r.path("exitCode").asInt(), r.toString());
            assertEquals(expected, r.path("stdout").asText().trim(), r.toString());
        }
        assertEquals(new TreeSet<>(HOSTS), hostIds);

        theAgentsOwnGuardRefusesWhatTheCenterLetThrough(api);
        highRiskIsRefusedAtTheCenter(api);
        failed = false;
    }

    /**
     * The center's guard passes {@code echo <marker>}; the two agent processes' guards hold it
     * high-risk and refuse it (GUARD_REFUSED, layer agent), while the all-in-one's own agent,
     * with the center's rules, runs it. The command is harmless wherever it runs.
     */
    private void theAgentsOwnGuardRefusesWhatTheCenterLetThrough(SignedClient api) throws Exception {
        SignedClient.Answer submitted = api.call("POST", "/cmd",
                "{\"targets\":{\"groups\":[\"sys\"]},\"command\":\"echo " + MARKER + "\",\"timeoutSeconds\":60}");
        assertEquals(202, submitted.status(), submitted.body());
        String taskId = submitted.json().path("taskId").asText();
        AtomicReference<JsonNode> results = new AtomicReference<>();
        await("3 final results").atMost(Duration.ofSeconds(60)).until(() -> {
            SignedClient.Answer a = api.call("GET", "/tasks/" + taskId + "/results", null);
            results.set(a.json().path("results"));
            int finished = 0;
            for (JsonNode r : results.get()) {
                finished += Set.of("SUCCEEDED", "FAILED").contains(r.path("state").asText()) ? 1 : 0;
            }
            return a.status() == 200 && finished == 3;
        });
        for (JsonNode r : results.get()) {
            if (r.path("hostId").asText().equals(HOSTS.get(0))) {
                assertEquals("SUCCEEDED", r.path("state").asText(), r.toString());
            } else {
                assertEquals("FAILED", r.path("state").asText(), r.toString());
                assertEquals("GUARD_REFUSED", r.path("error").path("code").asText(), r.toString());
                assertEquals("agent", r.path("error").path("layer").asText(), r.toString());
                assertTrue(r.path("error").path("message").asText().contains(MARKER_RULE), r.toString());
            }
        }
    }

    /** Sent only as a dry run: the center refuses it before anything could be dispatched. */
    private static void highRiskIsRefusedAtTheCenter(SignedClient api) throws Exception {
        SignedClient.Answer refused = api.call("POST", "/cmd",
                "{\"targets\":{\"groups\":[\"sys\"]},\"command\":\"rm -rf /\",\"dryRun\":true}");
        assertEquals(403, refused.status(), refused.body());
        assertEquals("CMD_HIGH_RISK", refused.json().path("error").path("code").asText(), refused.body());
        assertTrue(refused.body().contains("root-destroy"), refused.body());
    }

    /** Stops every process this test started, even when it failed; prints their logs on failure. */
    @AfterEach
    void stopEverything() {
        for (KarafProcess k : started) {
            if (failed) {
                System.err.println("==== " + k.name() + " (alive: " + k.alive() + ") karaf.log tail ====\n" + k.logTail(60));
            }
        }
        started.parallelStream().forEach(KarafProcess::stop);
        started.clear();
    }

    private boolean allAlive() {
        for (KarafProcess k : started) {
            if (!k.alive()) {
                throw new AssertionError(k.name() + " exited while starting:\n" + k.logTail(60));
            }
        }
        return true;
    }

    private static void identity(KarafProcess k, String host) throws IOException {
        k.configure(Settings.HOSTINFO_CFG, "hostId", host)
                .configure(Settings.HOSTINFO_CFG, "hostname", host)
                .configure(Settings.HOSTINFO_CFG, "sn", host)
                .configure(Settings.HOSTINFO_CFG, "groups", "sys");
    }

    private static Set<String> onlineHosts(SignedClient api) throws Exception {
        Set<String> ids = new TreeSet<>();
        SignedClient.Answer a = api.call("GET", "/hosts?status=ONLINE&group=sys", null);
        if (a.status() == 200) {
            a.json().path("hosts").forEach(h -> ids.add(h.path("hostId").asText()));
        }
        return ids;
    }

    private static int countSucceeded(JsonNode results) {
        int n = 0;
        for (JsonNode r : results) {
            n += "SUCCEEDED".equals(r.path("state").asText()) ? 1 : 0;
        }
        return n;
    }

    private static Path distribution(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.isRegularFile(Path.of(value))) {
            throw new IllegalStateException(property + " does not name a built distribution (run through mvn verify): " + value);
        }
        return Path.of(value);
    }

    /** What {@code hostname} prints on this machine, the same for every agent on it. */
    private static String localHostname() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("hostname").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : InetAddress.getLocalHost().getHostName();
    }
}
