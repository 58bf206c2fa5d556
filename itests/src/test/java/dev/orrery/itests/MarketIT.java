package dev.orrery.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.bench.karaf.FreePorts;
import dev.orrery.bench.karaf.KarafProcess;
import dev.orrery.bench.rest.SignedClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The marketplace on real processes: the all-in-one (its local agent in group {@value #GROUP})
 * and agent distributions. A plugin is uploaded and subscribed by the group; the three hosts
 * install it hot and run it; a fourth agent joins the group later and gets it by itself; v2
 * reaches all four; a v3 that cannot resolve is rolled back (the hosts keep v2, the rollout
 * pauses and says why); a v4 that installs but fails to run is rolled back at its first run;
 * unsubscribing removes it everywhere. The standard plugins were imported at
 * first start, and the Java one ({@code port-check}) runs.
 */
class MarketIT {
    private static final Duration START = Duration.ofSeconds(180);
    private static final Duration ROLLOUT = Duration.ofSeconds(120);
    private static final String GROUP = "mk";
    private static final String PLUGIN = "it-hello";
    private static final String SCRIPT = "#!/bin/sh\necho \"hello $ORRERY_PLUGIN_VERSION on $ORRERY_HOST_ID: $*\"\n";
    private static final List<String> FIRST = List.of("mk-center", "mk-agent-1", "mk-agent-2");
    private static final String LATE = "mk-agent-3";

    private final List<KarafProcess> started = new ArrayList<>();
    private boolean failed = true;
    private SignedClient api;

    @Test
    void pluginReachesTheGroupAndLaterHostsUpdatesRollsBackAndIsRemoved() throws Exception {
        Path work = Path.of("target", "market-test").toAbsolutePath();
        int http = FreePorts.next();
        int center = FreePorts.next();
        KarafProcess allInOne = KarafProcess.unpack(KarafProcess.distribution("orrery.allinone.tgz"), work, "allinone")
                .configure(Settings.WEB_CFG, Settings.WEB_PORT, http)
                .configure(Settings.SHELL_CFG, Settings.SHELL_PORT, FreePorts.next())
                .configure(Settings.LINK_CFG, Settings.LINK_PORT, center)
                .configure(Settings.CHANNEL_CFG, Settings.CHANNEL_PORT, FreePorts.next())
                .configure(Settings.CHANNEL_CFG, Settings.CHANNEL_CENTER_PORT, center)
                .configure(Settings.AGENT_CFG, Settings.AGENT_CENTER_PORT, center)
                .configure(Settings.AGENT_CFG, "watchdogCpuPercent", 0)
                // a host's successful install stands for its state 5 s (not 30 s) before its status must show it
                .configure("etc/dev.orrery.center.market.cfg", "minRetrySeconds", 5);
        identity(allInOne, FIRST.get(0));
        allInOne.start();
        started.add(allInOne);
        Enrollment.awaitFiles(allInOne, START, this::allAlive);
        for (String host : FIRST.subList(1, FIRST.size())) {
            startAgent(allInOne, work, host, center);
        }
        String base = "http://127.0.0.1:" + http + "/api/v1";
        SignedClient anonymous = new SignedClient(base, "-", "-");
        await("REST health").atMost(START).pollInterval(Duration.ofMillis(500)).until(() -> allAlive() && anonymous.healthy());
        Path keyFile = allInOne.home().resolve("data").resolve(Settings.ADMIN_KEY);
        await("admin key").atMost(Duration.ofSeconds(30)).until(() -> Files.exists(keyFile) && Files.size(keyFile) > 0);
        api = SignedClient.fromKeyFile(base, keyFile);
        awaitOnline(FIRST);

        // the standard plugins were imported at first start
        await("standard plugins imported").atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            String names = api.call("GET", "/market/plugins", null).json().path("plugins").findValuesAsText("name").toString();
            return names.contains("disk-usage") && names.contains("top-processes") && names.contains("log-tail")
                    && names.contains("port-check");
        });

        // upload: accepted once, refused twice, garbage refused with the reason
        byte[] v1 = PluginJars.script(PLUGIN, "1.0.0", SCRIPT, null);
        SignedClient.Answer up = api.upload("/market/plugins", v1, "application/java-archive");
        assertEquals(201, up.status(), up.body());
        assertEquals(sha256(v1), up.json().path("sha256").asText());
        assertEquals(409, api.upload("/market/plugins", v1, "application/java-archive").status());
        SignedClient.Answer garbage = api.upload("/market/plugins", "not a jar".getBytes(StandardCharsets.UTF_8), "application/java-archive");
        assertEquals(400, garbage.status(), garbage.body());
        assertEquals("PLUGIN_INVALID", garbage.json().path("error").path("code").asText());

        // the repository: an R5 index and the bundles, readable without a signature
        SignedClient.Answer index = anonymous.unsigned("GET", "/market/repository.xml", null);
        assertEquals(200, index.status(), index.body());
        assertTrue(index.body().contains("http://www.osgi.org/xmlns/repository/v1.0.0"), index.body());
        assertTrue(index.body().contains("it.plugin." + PLUGIN), index.body());
        assertArrayEquals(v1, anonymous.download("/market/plugins/" + PLUGIN + "/1.0.0/bundle.jar"));

        // subscribe: all three install it and run it; the Java standard plugin runs too
        subscribe(PLUGIN, "1.0.0");
        subscribe("port-check", null);
        awaitVersions(FIRST, PLUGIN, "1.0.0");
        await("rollout DONE").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> "DONE".equals(subscription(PLUGIN).path("state").asText()));
        assertRuns(FIRST, "1.0.0");
        awaitVersions(FIRST, "port-check", "1.0.0");
        Map<String, JsonNode> checks = run("port-check", List.of("127.0.0.1:" + http), FIRST.size());
        checks.forEach((host, r) -> assertTrue(r.path("stdout").asText().contains("open"), host + ": " + r));
        JsonNode reported = api.call("GET", "/hosts/" + FIRST.get(1), null).json().path("plugins");
        assertTrue(reported.toString().contains("\"" + PLUGIN + "\"") && reported.toString().contains("ACTIVE"), reported.toString());

        // a fourth agent joins the group and gets the group's plugins by itself
        startAgent(allInOne, work, LATE, center);
        awaitOnline(List.of(LATE));
        long online = System.nanoTime();
        List<String> all = new ArrayList<>(FIRST);
        all.add(LATE);
        awaitVersions(List.of(LATE), PLUGIN, "1.0.0");
        System.out.printf("MarketIT: a joining host had the group's plugin %.1f s after it came ONLINE%n", (System.nanoTime() - online) / 1e9);
        assertRuns(List.of(LATE), "1.0.0");

        // v2 reaches all four
        assertEquals(201, api.upload("/market/plugins", PluginJars.script(PLUGIN, "2.0.0", SCRIPT, null), "application/java-archive").status());
        subscribe(PLUGIN, "2.0.0");
        awaitVersions(all, PLUGIN, "2.0.0");
        assertRuns(all, "2.0.0");

        // a v3 that cannot resolve: rolled back to v2 where it was tried, the rollout pauses and says why
        byte[] v3 = PluginJars.script(PLUGIN, "3.0.0", SCRIPT, "dev.orrery.itests.nowhere;version=\"[1,2)\"");
        assertEquals(201, api.upload("/market/plugins", v3, "application/java-archive").status());
        subscribe(PLUGIN, "3.0.0");
        await("rollout of the broken v3 paused").atMost(ROLLOUT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> "PAUSED".equals(subscription(PLUGIN).path("state").asText()));
        JsonNode paused = subscription(PLUGIN);
        assertTrue(paused.path("reason").asText().contains("failed"), paused.toString());
        boolean sawFailure = false;
        for (JsonNode h : paused.path("hosts")) {
            sawFailure |= "FAILED".equals(h.path("state").asText()) && h.path("error").asText().contains("PLUGIN_FAILED");
        }
        assertTrue(sawFailure, paused.toString());
        awaitVersions(all, PLUGIN, "2.0.0");
        assertRuns(all, "2.0.0");
        // a subscribed version cannot be deleted; one nobody subscribes to can
        assertEquals(409, api.call("DELETE", "/market/plugins/" + PLUGIN + "/3.0.0", null).status());
        assertEquals(204, api.call("DELETE", "/market/plugins/" + PLUGIN + "/1.0.0", null).status());

        // a v4 that installs but cannot run (its interpreter is missing): its first run rolls each host back to v2
        byte[] v4 = PluginJars.script(PLUGIN, "4.0.0", "#!/nonexistent/orrery-interpreter\necho never\n", null);
        assertEquals(201, api.upload("/market/plugins", v4, "application/java-archive").status());
        subscribe(PLUGIN, "4.0.0");
        awaitVersions(all, PLUGIN, "4.0.0");
        Map<String, JsonNode> broken = run(PLUGIN, List.of(), all.size());
        broken.forEach((host, r) -> {
            assertEquals("PLUGIN_FAILED", r.path("error").path("code").asText(), host + ": " + r);
            assertTrue(r.path("error").path("message").asText().contains("rolled back to 2.0.0"), host + ": " + r);
        });
        awaitVersions(all, PLUGIN, "2.0.0");
        assertRuns(all, "2.0.0");
        await("rollout of v4 paused").atMost(ROLLOUT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> "PAUSED".equals(subscription(PLUGIN).path("state").asText()));
        assertTrue(subscription(PLUGIN).path("reason").asText().contains("failed to run"), subscription(PLUGIN).toString());

        // unsubscribe removes it everywhere
        assertEquals(204, api.call("DELETE", "/market/subscriptions/" + GROUP + "/" + PLUGIN, null).status());
        await("plugin removed from every host").atMost(ROLLOUT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> {
                    for (String h : all) {
                        if (installed(h, PLUGIN) != null) {
                            return false;
                        }
                    }
                    return true;
                });
        Map<String, JsonNode> gone = run(PLUGIN, List.of(), all.size());
        gone.forEach((host, r) -> assertEquals("PLUGIN_MISSING", r.path("error").path("code").asText(), host + ": " + r));
        failed = false;
    }

    private void startAgent(KarafProcess allInOne, Path work, String host, int center) throws IOException, InterruptedException {
        KarafProcess agent = KarafProcess.unpack(KarafProcess.distribution("orrery.agent.tgz"), work, host)
                .configure(Settings.AGENT_CFG, Settings.AGENT_CENTER_PORT, center);
        identity(agent, host);
        Enrollment.give(allInOne, agent, "agent");
        agent.start();
        started.add(agent);
    }

    private void subscribe(String plugin, String version) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("group", GROUP);
        body.put("plugin", plugin);
        if (version != null) {
            body.put("version", version);
        }
        body.put("batchSize", 2);
        body.put("maxFailures", 0);
        SignedClient.Answer a = api.call("POST", "/market/subscriptions", SignedClient.JSON.writeValueAsString(body));
        assertEquals(200, a.status(), a.body());
    }

    private JsonNode subscription(String plugin) throws Exception {
        for (JsonNode s : api.call("GET", "/market/subscriptions?group=" + GROUP, null).json().path("subscriptions")) {
            if (plugin.equals(s.path("plugin").asText())) {
                return s;
            }
        }
        throw new AssertionError("no subscription of " + GROUP + " to " + plugin);
    }

    /** @return the version of the plugin the host reports installed (in GET /hosts/{id}), or {@code null} */
    private String installed(String host, String plugin) throws Exception {
        for (JsonNode p : api.call("GET", "/hosts/" + host, null).json().path("plugins")) {
            if (plugin.equals(p.path("name").asText()) && "ACTIVE".equals(p.path("state").asText())) {
                return p.path("version").asText();
            }
        }
        return null;
    }

    private void awaitVersions(List<String> hosts, String plugin, String version) {
        await(plugin + " " + version + " on " + hosts).atMost(ROLLOUT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> {
                    allAlive();
                    for (String h : hosts) {
                        if (!version.equals(installed(h, plugin))) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    private void assertRuns(List<String> hosts, String version) throws Exception {
        Map<String, JsonNode> results = run(PLUGIN, List.of("a b", "c"), hosts.size(), hosts);
        results.forEach((host, r) -> {
            assertEquals("SUCCEEDED", r.path("state").asText(), host + ": " + r);
            assertEquals("hello " + version + " on " + host + ": a b c", r.path("stdout").asText().trim(), host + ": " + r);
        });
    }

    private Map<String, JsonNode> run(String plugin, List<String> args, int expected) throws Exception {
        return run(plugin, args, expected, null);
    }

    /** Runs the plugin on the group (or the hosts) and waits for every result; @return hostId -> result. */
    private Map<String, JsonNode> run(String plugin, List<String> args, int expected, List<String> hosts) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("targets", hosts == null ? Map.of("groups", List.of(GROUP)) : Map.of("hosts", hosts));
        body.put("plugin", plugin);
        body.put("args", args);
        body.put("timeoutSeconds", 60);
        SignedClient.Answer a = api.call("POST", "/plugin", SignedClient.JSON.writeValueAsString(body));
        assertEquals(202, a.status(), a.body());
        String taskId = a.json().path("taskId").asText();
        assertNotNull(taskId);
        await("plugin task " + taskId + " done").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> "DONE".equals(api.call("GET", "/tasks/" + taskId, null).json().path("state").asText()));
        Map<String, JsonNode> results = new TreeMap<>();
        api.call("GET", "/tasks/" + taskId + "/results?limit=1000", null).json().path("results")
                .forEach(r -> results.put(r.path("hostId").asText(), r));
        assertEquals(expected, results.size(), results.toString());
        return results;
    }

    private void awaitOnline(List<String> hosts) {
        await(hosts + " ONLINE").atMost(START).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            allAlive();
            List<String> ids = api.call("GET", "/hosts?status=ONLINE&group=" + GROUP, null).json().path("hosts").findValuesAsText("hostId");
            return ids.containsAll(hosts);
        });
    }

    @AfterEach
    void stopEverything() {
        for (KarafProcess k : started) {
            if (failed) {
                System.err.println("==== " + k.name() + " (alive: " + k.alive() + ") karaf.log tail ====\n" + k.logTail(80));
            }
        }
        started.parallelStream().forEach(KarafProcess::stop);
        started.clear();
    }

    private boolean allAlive() {
        for (KarafProcess k : started) {
            if (!k.alive()) {
                throw new AssertionError(k.name() + " exited by itself:\n" + k.logTail(60));
            }
        }
        return true;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static void identity(KarafProcess k, String host) throws IOException {
        k.configure(Settings.HOSTINFO_CFG, "hostId", host)
                .configure(Settings.HOSTINFO_CFG, "hostname", host)
                .configure(Settings.HOSTINFO_CFG, "sn", host)
                .configure(Settings.HOSTINFO_CFG, "groups", GROUP);
    }
}
