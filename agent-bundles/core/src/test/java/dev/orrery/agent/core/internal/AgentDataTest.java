package dev.orrery.agent.core.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.protocol.Message.DataRecord;
import dev.orrery.protocol.Message.Hello;
import dev.orrery.protocol.Message.Records;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The data channel end to end over real sockets: order, acks, restarts, drops, resends. */
class AgentDataTest extends AgentFixture {
    private int maxRecords = 200_000;

    @Override
    AgentLimits limits() {
        return new AgentLimits(30, 300, 64L << 20, maxRecords, 500, 1, 0, 0, 5, 60);
    }

    private static List<DataRecord> records(FakePeer peer) {
        return peer.all(Records.class).stream().flatMap(r -> r.records().stream()).toList();
    }

    private static List<Long> seqs(List<DataRecord> records) {
        return records.stream().map(DataRecord::seq).toList();
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    private void publish(int from, int to) {
        for (int i = from; i <= to; i++) {
            agent.core().publish(i % 2 == 0 ? "even" : "odd", ("line " + i).getBytes(UTF_8));
        }
    }

    /** Closes the channel and waits until the agent noticed. @return its port */
    private int disconnect() {
        int port = channel.port();
        channel.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> agent.connection().isEmpty());
        return port;
    }

    private void restart() throws Exception {
        agent.stop();
        agent = newAgent();
        agent.start();
    }

    private long segmentFiles() throws Exception {
        try (Stream<java.nio.file.Path> s = Files.list(data.resolve("data"))) {
            return s.filter(p -> p.toString().endsWith(SpoolSegment.SUFFIX)).count();
        }
    }

    @Test
    void recordsReachTheChannelInOrderInBatchesAndAcksTrimTheSpool() throws Exception {
        channel.awaitFirst(Hello.class, h -> true);
        publish(1, 1200);
        await().atMost(Duration.ofSeconds(10)).until(() -> records(channel).size() >= 1200);
        List<DataRecord> got = records(channel);
        assertEquals(range(1, 1200), seqs(got));
        assertEquals("odd", got.get(0).topic());
        assertEquals("line 1200", new String(got.get(1199).data(), UTF_8));
        assertTrue(channel.all(Records.class).size() >= 3, "batches of at most 500");
        assertTrue(channel.all(Records.class).stream().allMatch(r -> r.hostId().equals(ID.hostId()) && r.dropped() == 0
                && r.records().size() <= 500));
        await().atMost(Duration.ofSeconds(5)).until(() -> agent.core().spool().stats().records() == 0);
        assertEquals(0, segmentFiles());
    }

    @Test
    void theSpoolSurvivesARestartOfTheAgent() throws Exception {
        channel.awaitFirst(Hello.class, h -> true);
        int port = disconnect();
        publish(1, 10);
        restart();
        channel = FakePeer.channel(port);
        await().atMost(Duration.ofSeconds(10)).until(() -> records(channel).size() >= 10);
        publish(11, 11);
        await().atMost(Duration.ofSeconds(10)).until(() -> records(channel).size() >= 11);
        assertEquals(range(1, 11), seqs(records(channel)));
    }

    @Test
    void whenFullTheOldestAreDroppedAndCounted() throws Exception {
        maxRecords = 16;
        int port = disconnect();
        restart();
        publish(1, 20);
        assertEquals(4, agent.core().spool().stats().dropped());
        restart();
        channel = FakePeer.channel(port);
        await().atMost(Duration.ofSeconds(10)).until(() -> records(channel).size() >= 16);
        assertEquals(range(5, 20), seqs(records(channel)));
        assertTrue(channel.all(Records.class).stream().allMatch(r -> r.dropped() == 4));
    }

    @Test
    void unacknowledgedRecordsGoAgainAfterATimeoutAndAReconnectWithoutLoss() throws Exception {
        int port = disconnect();
        channel = FakePeer.channel(port, false); // never acknowledges
        channel.awaitConnected();
        publish(1, 5);
        await().atMost(Duration.ofSeconds(10)).until(() -> channel.all(Records.class).size() >= 2);
        assertEquals(range(1, 5), seqs(channel.all(Records.class).get(1).records()), "sent again after the ack timeout");
        disconnect();
        publish(6, 10);
        channel = FakePeer.channel(port);
        await().atMost(Duration.ofSeconds(10)).until(() -> records(channel).size() >= 10);
        assertEquals(range(1, 10), seqs(records(channel)));
        await().atMost(Duration.ofSeconds(5)).until(() -> agent.core().spool().stats().records() == 0);
    }
}
