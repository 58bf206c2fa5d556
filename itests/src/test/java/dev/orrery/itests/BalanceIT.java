package dev.orrery.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The classic channel-cluster problem with real processes: two channels share ten agents; one
 * channel is killed with SIGKILL, so the other holds all ten; when it is back, the cluster sheds
 * idle agents until every channel holds within 10% of the mean (with ten agents: five each).
 */
class BalanceIT {
    private static final int AGENTS = 10;
    private static final Duration RECOVER = Duration.ofSeconds(90);

    private Fleet fleet;
    private boolean failed = true;

    @Test
    void balanceReturnsAfterAChannelRestart() throws Exception {
        long t0 = System.nanoTime();
        fleet = Fleet.unpack("fleet-balance", 2, AGENTS);
        fleet.start();
        System.out.printf("BalanceIT: center + 2 channels + %d agents ONLINE in %d s%n", AGENTS, (System.nanoTime() - t0) / 1_000_000_000);

        fleet.kill("channel-2");
        // the state is part of the failure message: which agents had not come over, and where the center saw them
        await("all agents on channel-1").atMost(RECOVER).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(fleet::channelHosts, byChannel -> byChannel.getOrDefault("channel-1", new TreeSet<>()).size() == AGENTS);

        long restarted = System.nanoTime();
        fleet.restart("channel-2");
        await("each channel within 10% of the mean").atMost(RECOVER).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(fleet::channelHosts, BalanceIT::balanced);
        System.out.printf("BalanceIT: balanced %d s after channel-2 was started again%n", (System.nanoTime() - restarted) / 1_000_000_000);
        assertEquals(AGENTS, fleet.hostChannels().size(), "every agent ONLINE: " + fleet.hostChannels());
        failed = false;
    }

    /** Both channels hold agents, all ten are online, and no channel is more than 10% off the mean. */
    private static boolean balanced(Map<String, TreeSet<String>> byChannel) {
        if (!byChannel.keySet().equals(Set.of("channel-1", "channel-2"))) {
            return false;
        }
        int total = byChannel.values().stream().mapToInt(TreeSet::size).sum();
        double mean = total / 2.0;
        return total == AGENTS && byChannel.values().stream().allMatch(h -> Math.abs(h.size() - mean) <= 0.1 * mean);
    }

    @AfterEach
    void stopEverything() {
        if (fleet != null) {
            if (!failed) {
                fleet.passed();
            }
            fleet.close();
        }
    }
}
