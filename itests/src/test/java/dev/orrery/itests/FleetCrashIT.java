package dev.orrery.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.bench.rest.SignedClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A center, two channels and five agents as separate processes from the real distributions. Timeout
 * and cancel kill real process trees; then, while every agent runs {@code sleep 5; echo x >> <its
 * file>}, a channel, the center and an agent are each killed with SIGKILL (and the center and the
 * agent started again): every host task still ends {@code SUCCEEDED} and every command ran exactly
 * once. Results show the time of every transition. One fleet serves the whole class to save boot
 * time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetCrashIT {
    private static final Duration RECOVER = Duration.ofSeconds(90);
    private static final String WRITE = "sleep 5; echo x >> %s/$ORRERY_HOST_ID";

    @TempDir
    Path out;
    private Fleet fleet;
    private boolean failed;
    private boolean anyFailed;
    private final MarkedProcesses marked = new MarkedProcesses();

    @BeforeAll
    void startFleet() throws Exception {
        long t0 = System.nanoTime();
        fleet = Fleet.unpack("fleet-crash", 2, 5);
        try {
            fleet.start();
        } catch (RuntimeException | Error e) {
            fleet.close();
            throw e;
        }
        System.out.printf("FleetCrashIT: center + 2 channels + 5 agents ONLINE in %d s%n", (System.nanoTime() - t0) / 1_000_000_000);
    }

    @Test
    @Order(1)
    void timeoutEndsEveryHostAndKillsTheProcessTree() throws Exception {
        failed = true;
        String task = fleet.submit("sleep 300 & sleep 300; echo never", 3, Map.of(MarkedProcesses.NAME, marked.value()));
        awaitStates(task, "TIMED_OUT", Duration.ofSeconds(60));
        await("no process of the timed-out command left").atMost(Duration.ofSeconds(20)).until(() -> marked.find().isEmpty());
        failed = false;
    }

    @Test
    @Order(2)
    void cancelEndsRunningCommandsAndKillsThem() throws Exception {
        failed = true;
        String task = fleet.submit("sleep 300", 600, Map.of(MarkedProcesses.NAME, marked.value()));
        awaitStates(task, "RUNNING", Duration.ofSeconds(60));
        await("the five commands are visible in /proc").atMost(Duration.ofSeconds(10)).until(() -> marked.find().size() >= 5);
        SignedClient.Answer cancel = fleet.api().call("POST", "/tasks/" + task + "/cancel", null);
        assertEquals(202, cancel.status(), cancel.body());
        awaitStates(task, "CANCELLED", Duration.ofSeconds(60));
        await("no process of the cancelled command left").atMost(Duration.ofSeconds(20)).until(() -> marked.find().isEmpty());
        failed = false;
    }

    @Test
    @Order(3)
    void everyCommandRunsExactlyOnceThroughChannelCenterAndAgentCrashes() throws Exception {
        failed = true;
        // 1. A channel dies: its agents move to the other one and the results still arrive.
        String first = startWriting();
        String busiest = fleet.channelHosts().entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<String, ? extends Collection<String>> e) -> e.getValue().size()))
                .orElseThrow().getKey();
        String other = busiest.equals("channel-1") ? "channel-2" : "channel-1";
        fleet.kill(busiest);
        awaitDone(first, 1);
        await("every agent on " + other).atMost(RECOVER).ignoreExceptions()
                .until(() -> fleet.channelHosts().getOrDefault(other, new TreeSet<>()).containsAll(fleet.agents()));

        // 2. The center dies with the task in flight and comes back on the same store.
        String second = startWriting();
        fleet.kill("center");
        fleet.restart("center");
        awaitDone(second, 2);

        // 3. An agent dies in the middle of its command and is started again.
        String third = startWriting();
        fleet.kill("agent-3");
        fleet.restart("agent-3");
        awaitDone(third, 3);
        // Exactly once means no late duplicate either: nothing is run again once the dust settles.
        await("still one line per task").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                .until(() -> lineCounts().values().stream().allMatch(n -> n == 3));
        failed = false;
    }

    @Test
    @Order(4)
    void resultsShowTheTimeOfEveryTransition() throws Exception {
        failed = true;
        String task = fleet.submit("true", 60, Map.of());
        awaitStates(task, "SUCCEEDED", Duration.ofSeconds(60));
        for (JsonNode r : fleet.results(task)) {
            JsonNode t = r.path("timestamps");
            long previous = 0;
            for (String step : List.of("created", "dispatched", "received", "started", "finished")) {
                assertTrue(t.path(step).isIntegralNumber(), step + " missing in " + r);
                assertTrue(t.path(step).asLong() >= previous, step + " before the step preceding it in " + r);
                previous = t.path(step).asLong();
            }
        }
        failed = false;
    }

    @Test
    @Order(5)
    void dataChannelRecordsArriveInOrderOnceThroughChannelAndCenterCrashes() throws Exception {
        failed = true;
        String topic = "crash.lines";
        int lines = 80;
        for (String channel : List.of("channel-1", "channel-2")) {
            if (!fleet.member(channel).alive()) {
                fleet.restart(channel); // the one an earlier test killed
            }
        }
        String task = fleet.submit("for i in $(seq 1 " + lines + "); do echo line-$i; sleep 0.25; done", 120, Map.of(), topic);
        awaitStates(task, "RUNNING", Duration.ofSeconds(60));
        await("the first records stored").atMost(RECOVER).until(() -> !readTopic(topic).isEmpty());
        // The center dies while the agents write: records wait in the agents' spools.
        fleet.kill("center");
        Thread.sleep(3000);
        fleet.restart("center");
        // A channel dies: its agents move to the other and resend what was not acknowledged.
        await("the center back with the agents").atMost(RECOVER).ignoreExceptions().until(() -> !fleet.channelHosts().isEmpty());
        fleet.kill(fleet.channelHosts().entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<String, ? extends Collection<String>> e) -> e.getValue().size()))
                .orElseThrow().getKey());
        awaitStates(task, "SUCCEEDED", Duration.ofSeconds(120));
        await("every line of every host stored").atMost(RECOVER).ignoreExceptions()
                .until(() -> readTopic(topic).size() == lines * fleet.agents().size());
        Map<String, List<String>> byHost = new TreeMap<>();
        Map<String, Long> lastSeq = new TreeMap<>();
        for (JsonNode r : readTopic(topic)) {
            String host = r.path("hostId").asText();
            long seq = r.path("seq").asLong();
            assertTrue(seq > lastSeq.getOrDefault(host, 0L), "sequence not increasing for " + host + " at " + r);
            lastSeq.put(host, seq);
            byHost.computeIfAbsent(host, h -> new ArrayList<>()).add(r.path("data").asText());
        }
        List<String> expected = IntStream.rangeClosed(1, lines).mapToObj(i -> "line-" + i).toList();
        assertEquals(new TreeSet<>(fleet.agents()), byHost.keySet());
        byHost.forEach((host, data) -> assertEquals(expected, data, "records of " + host + " (in order, once each)"));
        failed = false;
    }

    /** Every record of the topic, paged through with the cursor. */
    private List<JsonNode> readTopic(String topic) throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        String cursor = "0";
        while (true) {
            SignedClient.Answer a = fleet.api().call("GET", "/data/" + topic + "?after=" + cursor + "&limit=1000", null);
            assertEquals(200, a.status(), a.body());
            JsonNode records = a.json().path("records");
            records.forEach(all::add);
            if (records.isEmpty()) {
                return all;
            }
            cursor = a.json().path("next").asText();
        }
    }

    /** Submits the write command and waits until it runs on all five hosts. */
    private String startWriting() throws Exception {
        String task = fleet.submit(String.format(WRITE, out), 120, Map.of());
        awaitStates(task, "RUNNING", Duration.ofSeconds(60));
        return task;
    }

    /** Every host task SUCCEEDED, and every host's file has exactly {@code lines} lines. */
    private void awaitDone(String task, int lines) throws IOException {
        awaitStates(task, "SUCCEEDED", RECOVER);
        Map<String, Integer> expected = new TreeMap<>();
        fleet.agents().forEach(h -> expected.put(h, lines));
        assertEquals(expected, lineCounts(), "lines per host file after task " + task);
        await(task + " DONE").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> fleet.api().call("GET", "/tasks/" + task, null).json().path("state").asText(), "DONE"::equals);
    }

    /** @return host -> lines in its file */
    private Map<String, Integer> lineCounts() throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        for (String host : fleet.agents()) {
            Path file = out.resolve(host);
            counts.put(host, Files.exists(file) ? Files.readAllLines(file).size() : 0);
        }
        return counts;
    }

    private void awaitStates(String task, String state, Duration atMost) {
        await(task + " " + state + " on every host").atMost(atMost).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> fleet.states(task), states -> states.keySet().containsAll(fleet.agents())
                        && states.values().stream().allMatch(state::equals));
    }

    /** Whatever happened, no command of this test outlives it. */
    @AfterEach
    void killLeftovers() {
        anyFailed |= failed;
        int left = marked.killAll();
        assertTrue(left == 0 || failed, left + " processes left behind");
    }

    @AfterAll
    void stopFleet() {
        if (fleet != null) {
            if (!anyFailed) {
                fleet.passed();
            }
            fleet.close();
        }
    }
}
