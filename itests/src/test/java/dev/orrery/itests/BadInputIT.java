package dev.orrery.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.bench.rest.SignedClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Bad input through real HTTP and real sockets against the booted all-in-one: every refusal has
 * its status and an error JSON with a code, no body carries a stack trace, and garbage on the
 * agent or center port closes that connection while the system keeps answering.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BadInputIT extends AllInOneTestSupport {
    private static final String HOSTS = "/hosts";

    @Test
    public void unsignedRequestIs401WithAnErrorJson() throws Exception {
        assertError(api.unsigned("GET", HOSTS, null), 401);
    }

    @Test
    public void badSignatureIs401() throws Exception {
        SignedClient forged = api.withKey(adminKeyId(), "not-the-secret");
        assertError(forged.call("GET", HOSTS, null), 401);
    }

    @Test
    public void unknownKeyIs401() throws Exception {
        SignedClient stranger = api.withKey("no-such-key-" + UUID.randomUUID(), "whatever");
        assertError(stranger.call("GET", HOSTS, null), 401);
    }

    @Test
    public void replayedNonceIs401() throws Exception {
        long now = System.currentTimeMillis();
        String nonce = "replay-" + UUID.randomUUID();
        SignedClient.Answer first = api.callAt("GET", HOSTS, now, nonce);
        assertEquals(first.body(), 200, first.status());
        assertError(api.callAt("GET", HOSTS, now, nonce), 401);
    }

    @Test
    public void timestampTooFarFromTheClockIs401() throws Exception {
        long tenMinutes = Duration.ofMinutes(10).toMillis();
        assertError(api.callAt("GET", HOSTS, System.currentTimeMillis() - tenMinutes, UUID.randomUUID().toString()), 401);
        assertError(api.callAt("GET", HOSTS, System.currentTimeMillis() + tenMinutes, UUID.randomUUID().toString()), 401);
    }

    @Test
    public void malformedJsonIs400WithACode() throws Exception {
        assertError(api.call("POST", "/cmd", "{\"targets\": {\"hosts\": [\"" + LOCAL_HOST + "\"]}, \"command\": "), 400);
        assertError(api.callRaw("POST", "/cmd", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2}), 400);
    }

    @Test
    public void wrongTypesAre400() throws Exception {
        assertError(api.call("POST", "/cmd", "{\"targets\":{\"hosts\":\"" + LOCAL_HOST + "\"},\"command\":\"true\"}"), 400);
        assertError(api.call("POST", "/cmd", "{\"targets\":{\"hosts\":[\"" + LOCAL_HOST + "\"]},\"command\":[1,2]}"), 400);
        assertError(api.call("POST", "/cmd",
                "{\"targets\":{\"hosts\":[\"" + LOCAL_HOST + "\"]},\"command\":\"true\",\"timeoutSeconds\":\"soon\"}"), 400);
        assertError(api.call("POST", "/cmd", "[]"), 400);
    }

    @Test
    public void unknownTargetsAre400NamingEachAndNothingIsDispatched() throws Exception {
        Path marker = Path.of(System.getProperty("karaf.data"), "it-marker-" + UUID.randomUUID());
        SignedClient.Answer answer = api.call("POST", "/cmd",
                "{\"targets\":{\"hosts\":[\"" + LOCAL_HOST + "\",\"ghost-one\",\"ghost-two\"],\"groups\":[\"no-such-group\"]},"
                        + "\"command\":\"touch " + marker + "\"}");
        JsonNode error = assertError(answer, 400);
        String text = answer.body();
        assertTrue(text, text.contains("ghost-one"));
        assertTrue(text, text.contains("ghost-two"));
        assertTrue(text, text.contains("no-such-group"));
        assertFalse(text, error.path("message").asText().isEmpty());
        // Had the known host been dispatched to, the marker would appear within moments.
        await("no command ran").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> !Files.exists(marker));
    }

    @Test
    public void commandOver64KiBIs413() throws Exception {
        String command = "echo " + "x".repeat(64 * 1024);
        assertError(api.call("POST", "/cmd",
                "{\"targets\":{\"hosts\":[\"" + LOCAL_HOST + "\"]},\"command\":\"" + command + "\"}"), 413);
    }

    @Test
    public void anUnknownCharsetIs415WithACodeAndNoExceptionNames() throws Exception {
        SignedClient.Answer a = api.upload("/cmd", ("{\"targets\":{\"hosts\":[\"" + LOCAL_HOST + "\"]},\"command\":\"true\"}")
                .getBytes(StandardCharsets.UTF_8), "application/json; charset=nope");
        assertEquals("UNSUPPORTED_MEDIA_TYPE", assertError(a, 415).path("code").asText());
        assertFalse(a.body(), a.body().contains("Exception"));
    }

    @Test
    public void unknownResourceIs404WithoutStackTrace() throws Exception {
        assertError(api.call("GET", "/no-such-resource", null), 404);
    }

    @Test
    public void garbageOnTheAgentPortClosesThatConnectionOnly() throws Exception {
        Garbage.assertConnectionClosed(port("channel"));
        assertStillServing();
    }

    @Test
    public void garbageOnTheCenterPortClosesThatConnectionOnly() throws Exception {
        Garbage.assertConnectionClosed(port("center"));
        assertStillServing();
    }

    private void assertStillServing() throws Exception {
        assertTrue(api.healthy());
        assertTrue("the local agent stays ONLINE", isOnline(LOCAL_HOST));
        SignedClient.Answer submitted = api.call("POST", "/cmd",
                "{\"targets\":{\"hosts\":[\"" + LOCAL_HOST + "\"]},\"command\":\"echo still-here\"}");
        assertEquals(submitted.body(), 202, submitted.status());
    }

    private String adminKeyId() throws Exception {
        Path keyFile = Path.of(System.getProperty("karaf.data"), Settings.ADMIN_KEY);
        return SignedClient.JSON.readTree(Files.readString(keyFile, StandardCharsets.UTF_8)).path("keyId").asText();
    }

    /** Checks the status, the error JSON of the REST contract and the absence of any stack trace. */
    private static JsonNode assertError(SignedClient.Answer answer, int status) {
        String body = answer.body();
        assertEquals(body, status, answer.status());
        Garbage.assertNoStackTrace(body);
        JsonNode error = answer.json().path("error");
        assertFalse("error.code in " + body, error.path("code").asText().isEmpty());
        assertFalse("error.layer in " + body, error.path("layer").asText().isEmpty());
        assertFalse("error.message in " + body, error.path("message").asText().isEmpty());
        return error;
    }
}
