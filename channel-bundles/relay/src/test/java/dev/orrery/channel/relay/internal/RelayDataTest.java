package dev.orrery.channel.relay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.DataRecord;
import dev.orrery.protocol.Message.Records;
import dev.orrery.protocol.Message.RecordsAck;
import dev.orrery.protocol.Message.Status;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Status reports and data records go up; records acks come down to their host only. */
class RelayDataTest {
    private final List<Message> up = new CopyOnWriteArrayList<>();
    private final AgentSessions agents = new AgentSessions(() -> { });
    private boolean uplinkUp = true;
    private final Relay relay = new Relay(agents, new InFlight(), m -> uplinkUp && up.add(m));

    private static Records records(String hostId) {
        return new Records(hostId, List.of(new DataRecord(1, "t", 5, "x".getBytes(StandardCharsets.UTF_8))), 0);
    }

    @Test
    void statusAndRecordsOfTheSessionsHostGoUpUnchanged() {
        Status status = new Status("a", Map.of("agent", "{}"));
        Records records = records("a");
        relay.fromAgent("a", status);
        relay.fromAgent("a", records);
        assertEquals(List.of(status, records), up);
    }

    @Test
    void statusAndRecordsForAnotherHostAreDropped() {
        relay.fromAgent("a", new Status("b", Map.of("agent", "{}")));
        relay.fromAgent("a", records("b"));
        assertTrue(up.isEmpty());
    }

    @Test
    void recordsWhileTheUplinkIsDownAreDroppedQuietly() {
        uplinkUp = false;
        relay.fromAgent("a", records("a"));
        assertTrue(up.isEmpty());
    }

    @Test
    void recordsAcksGoDownToTheirHostOnlyAndAreDroppedWithoutASession() {
        DummySessions.Recording a = new DummySessions.Recording();
        DummySessions.Recording b = new DummySessions.Recording();
        agents.register("a", a);
        agents.register("b", b);
        relay.fromCenter(new RecordsAck("a", 7));
        relay.fromCenter(new RecordsAck("nobody", 3));
        assertEquals(List.of(new RecordsAck("a", 7)), a.written());
        assertTrue(b.written().isEmpty());
        assertTrue(up.isEmpty());
    }

    @Test
    void onlyAgentMessagesClaimAHost() {
        assertEquals("a", Relay.claimedHost(records("a")));
        assertEquals("a", Relay.claimedHost(new Status("a", Map.of())));
        assertEquals(null, Relay.claimedHost(new RecordsAck("a", 1)));
        assertEquals(null, Relay.claimedHost(new Message.Heartbeat(1)));
    }
}
