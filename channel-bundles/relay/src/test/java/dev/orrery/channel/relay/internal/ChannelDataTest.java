package dev.orrery.channel.relay.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.protocol.Message.DataRecord;
import dev.orrery.protocol.Message.Records;
import dev.orrery.protocol.Message.RecordsAck;
import dev.orrery.protocol.Message.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Status reports and data records through a real channel: up from the agent, acks down to it. */
class ChannelDataTest extends ChannelTestSupport {

    @Test
    void statusAndRecordsGoUpAndTheirAckComesDownToTheirAgentOnly() throws IOException {
        startChannel();
        FakeAgent a = agent("host-a");
        FakeAgent b = agent("host-b");
        awaitReport("host-a", "host-b");
        a.send(new Status("host-a", Map.of("hostinfo", "{\"cpu\":{\"cores\":2}}")));
        byte[] line = "metric 1".getBytes(StandardCharsets.UTF_8);
        a.send(new Records("host-a", List.of(new DataRecord(1, "app.metrics", 99, line)), 2));
        a.send(new Status("host-b", Map.of("agent", "{}"))); // host-a's session speaking for host-b: dropped
        await().until(() -> center.received(Records.class).size() == 1);
        await().until(() -> center.received(Status.class).size() == 1);
        assertEquals(new Status("host-a", Map.of("hostinfo", "{\"cpu\":{\"cores\":2}}")), center.received(Status.class).get(0));
        Records up = center.received(Records.class).get(0);
        assertEquals("host-a", up.hostId());
        assertEquals(2, up.dropped());
        assertEquals("app.metrics", up.records().get(0).topic());
        assertArrayEquals(line, up.records().get(0).data());

        center.send(new RecordsAck("host-a", 1));
        await().until(() -> a.received(RecordsAck.class).size() == 1);
        assertEquals(new RecordsAck("host-a", 1), a.received(RecordsAck.class).get(0));
        assertTrue(b.received(RecordsAck.class).isEmpty());
        assertEquals(1, center.received(Status.class).size(), "the status for another host never went up");
    }
}
