package dev.orrery.bench.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.HostTaskState;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.Ack;
import dev.orrery.protocol.Message.AckKind;
import dev.orrery.protocol.Message.Hello;
import dev.orrery.protocol.Message.Redirect;
import dev.orrery.protocol.Message.Register;
import dev.orrery.protocol.Message.Result;
import dev.orrery.protocol.Message.Role;
import dev.orrery.protocol.Message.Task;
import dev.orrery.protocol.Message.Welcome;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Simulated agents against an in-process fake center and fake channels, over real loopback TCP. */
class SimFleetTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private FakePeer center;
    private FakePeer channel;
    private FakePeer other;
    private SimFleet fleet;

    private void start(int agents, List<FakePeer> channels) throws Exception {
        List<String> addresses = channels.stream().map(FakePeer::address).toList();
        center = new FakePeer().answering((s, m) -> {
            if (m instanceof Register r) {
                s.write(new Welcome(r.hostId(), addresses, 1));
            }
        });
        fleet = new SimFleet(new SimConfig(new InetSocketAddress("127.0.0.1", center.port()), 0, agents, 2, "idc-t", "g", 1, 0));
        fleet.start();
    }

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {fleet, center, channel, other}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // best effort
            }
        }
    }

    @Test
    void agentsRegisterFromSpreadSourceAddressesThenSayHelloAndHeartbeat() throws Exception {
        channel = new FakePeer();
        start(3, List.of(channel));
        await().atMost(WAIT).until(() -> channel.all(Hello.class).size() == 3);
        Register first = center.all(Register.class).stream().filter(r -> r.hostId().equals("sim-000001")).findFirst().orElseThrow();
        assertEquals(List.of("g"), first.groups());
        assertEquals("idc-t", first.idc());
        Hello hello = channel.all(Hello.class).get(0);
        assertEquals(Role.AGENT, hello.role());
        // two agents per address: the third comes from the next loopback address
        InetSocketAddress third = (InetSocketAddress) channel.sessionOf("sim-000003").getRemoteAddress();
        assertEquals("127.1.0.2", third.getAddress().getHostAddress());
        await().atMost(WAIT).until(() -> channel.all(Message.Heartbeat.class).size() >= 3); // period 1 s from the welcome
        assertEquals(3, fleet.stats.open.get());
    }

    @Test
    void aTaskIsAcknowledgedAnsweredAndItsResultResentUntilStored() throws Exception {
        channel = new FakePeer();
        start(1, List.of(channel));
        await().atMost(WAIT).until(() -> channel.all(Hello.class).size() == 1);
        channel.sessionOf("sim-000001").write(new Task("t1", "sim-000001", "cmd", Map.of("command", "uname -a"), null, 60));
        await().atMost(WAIT).until(() -> channel.all(Result.class).size() >= 2); // sent, then resent without a STORED
        List<AckKind> acks = channel.all(Ack.class).stream().map(Ack::kind).toList();
        assertEquals(List.of(AckKind.RECEIVED, AckKind.RUNNING), acks.subList(0, 2));
        Result r = channel.all(Result.class).get(0);
        assertEquals(HostTaskState.SUCCEEDED, r.state());
        assertEquals(0, r.exitCode());
        assertEquals("ok sim-000001\n", new String(r.stdout(), StandardCharsets.UTF_8));
        assertTrue(r.finishedAt() >= r.startedAt() && r.startedAt() > 0);

        channel.sessionOf("sim-000001").write(new Ack("t1", "sim-000001", AckKind.STORED));
        await().atMost(WAIT).until(() -> fleet.stats.stored.get() == 1);
        // a duplicate of the task is acknowledged, never run again
        channel.sessionOf("sim-000001").write(new Task("t1", "sim-000001", "cmd", Map.of("command", "uname -a"), null, 60));
        await().atMost(WAIT).until(() -> channel.all(Ack.class).size() == 3);
        assertEquals(1, fleet.stats.tasks.get() - 1);
        assertEquals(AckKind.RECEIVED, channel.all(Ack.class).get(2).kind());
    }

    @Test
    void aRedirectMovesTheAgentToTheNamedChannel() throws Exception {
        channel = new FakePeer();
        other = new FakePeer();
        start(1, List.of(channel));
        await().atMost(WAIT).until(() -> channel.all(Hello.class).size() == 1);
        channel.sessionOf("sim-000001").write(new Redirect(List.of(other.address()), "balance"));
        await().atMost(WAIT).until(() -> other.all(Hello.class).size() == 1);
        assertEquals(1, fleet.stats.redirects.get());
        assertEquals(1, fleet.stats.open.get());
    }

    @Test
    void aChannelAtItsAdmissionLimitIsRetriedWithBackoff() throws Exception {
        AtomicInteger refusals = new AtomicInteger();
        channel = new FakePeer().answering((s, m) -> {
            if (m instanceof Hello && refusals.incrementAndGet() <= 2) {
                s.closeNow(); // refused right after the Hello, as the channel's admission does
            }
        });
        start(1, List.of(channel));
        await().atMost(WAIT).until(() -> refusals.get() >= 3 && fleet.stats.open.get() == 1);
        assertTrue(fleet.stats.refused.get() >= 2);
    }
}
