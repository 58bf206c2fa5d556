package dev.orrery.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.bench.rest.SignedClient;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The center's side of status and data on the all-in-one's local agent: the agent's sections in
 * GET /hosts/{id} and orrery:host, the inventory set by PUT /hosts/{id} with its mismatch flags,
 * and the stdout lines of a cmd task with a dataTopic read back page by page with the cursor.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class InventoryIT extends AllInOneTestSupport {

    private JsonNode host() throws Exception {
        SignedClient.Answer a = api.call("GET", "/hosts/" + LOCAL_HOST, null);
        assertEquals(a.body(), 200, a.status());
        return a.json();
    }

    @Test
    public void theInventoryIsSetAndComparedWithWhatTheAgentReports() throws Exception {
        await("hostinfo of " + LOCAL_HOST).atMost(Duration.ofSeconds(60)).until(() -> host().path("hostinfo").isObject());
        JsonNode h = host();
        String sn = h.path("hostinfo").path("sn").asText(h.path("sn").asText());
        String ip = h.path("hostinfo").path("ips").path(0).asText(h.path("ip").asText());
        SignedClient.Answer put = api.call("PUT", "/hosts/" + LOCAL_HOST, "{\"owner\":\"team-it\",\"expectedSn\":\"" + sn
                + "\",\"expectedIp\":\"" + ip + "\",\"labels\":{\"rack\":\"r9\"}}");
        assertEquals(put.body(), 200, put.status());
        assertEquals("team-it", put.json().path("owner").asText());
        assertFalse(put.body(), put.json().path("mismatch").path("sn").asBoolean());
        assertFalse(put.body(), put.json().path("mismatch").path("ip").asBoolean());
        assertEquals("r9", put.json().path("labels").path("rack").asText());

        put = api.call("PUT", "/hosts/" + LOCAL_HOST, "{\"owner\":\"team-it\",\"expectedSn\":\"NOT-" + sn + "\",\"expectedIp\":\"203.0.113.9\"}");
        assertTrue(put.body(), put.json().path("mismatch").path("sn").asBoolean());
        assertTrue(put.body(), put.json().path("mismatch").path("ip").asBoolean());
        assertEquals("labels absent: unchanged", "r9", put.json().path("labels").path("rack").asText());

        String shown = execute("orrery:host " + LOCAL_HOST);
        assertTrue(shown, shown.contains("team-it"));
        assertTrue(shown, shown.contains("mismatch     sn, ip"));
        assertTrue(shown, shown.contains("hostinfo"));
        assertEquals(404, api.call("PUT", "/hosts/no-such-host", "{\"owner\":\"x\"}").status());
    }

    @Test
    public void aCommandsLinesArePagedByCursor() throws Exception {
        String topic = "it.cmd." + UUID.randomUUID().toString().substring(0, 8);
        SignedClient.Answer a = api.call("POST", "/cmd", "{\"targets\":{\"hosts\":[\"" + LOCAL_HOST + "\"]},"
                + "\"command\":\"for i in 1 2 3 4 5; do echo line-$i; done\",\"dataTopic\":\"" + topic + "\"}");
        assertEquals(a.body(), 202, a.status());
        await("records of " + topic).atMost(Duration.ofSeconds(60))
                .until(() -> api.call("GET", "/data/" + topic, null).json().path("records").size() == 5);
        JsonNode first = api.call("GET", "/data/" + topic + "?limit=2", null).json();
        assertEquals(first.toString(), 2, first.path("records").size());
        assertEquals("line-1", first.path("records").path(0).path("data").asText());
        assertTrue(first.toString(), first.path("next").isTextual());
        AtomicReference<JsonNode> rest = new AtomicReference<>(api.call("GET", "/data/" + topic + "?after=" + first.path("next").asText(),
                null).json());
        assertEquals(rest.get().toString(), 3, rest.get().path("records").size());
        assertEquals("line-5", rest.get().path("records").path(2).path("data").asText());
        assertEquals(LOCAL_HOST, rest.get().path("records").path(2).path("hostId").asText());
        JsonNode none = api.call("GET", "/data/" + topic + "?after=" + rest.get().path("next").asText(), null).json();
        assertEquals(0, none.path("records").size());
        assertEquals(rest.get().path("next").asText(), none.path("next").asText());
    }
}
