package dev.orrery.center.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.ApiSignature;
import dev.orrery.api.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the REST layer over real HTTP with seeded randomness (a failure names its seed and
 * case, and repeats): random bodies, mutated valid bodies, random methods, paths and headers,
 * signed and unsigned. Every answer is a 4xx error JSON (or a success for what is still valid),
 * never a 5xx, never internals; nothing is submitted for a refused request.
 */
class RestFuzzTest {
    private static final String SECRET = "fuzz-secret";
    private static final long SEED = Long.getLong("orrery.fuzz.seed", 20261127L);
    /** Class names, stack frames and Jackson's own wording must never reach a client. */
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\tat |\\.java|(?:java|javax|org|com|dev)\\.[a-z]+\\.[A-Za-z]|StreamRead|JsonParser|REDACTED|Source:");
    private static final List<String> PATHS = List.of("/api/v1/cmd", "/api/v1/hosts", "/api/v1/hosts/web-1",
            "/api/v1/hosts?status=online&group=demo&q=web", "/api/v1/tasks/t-1", "/api/v1/tasks/t-1/results?state=failed&limit=5",
            "/api/v1/tasks/t-1/cancel", "/api/v1/stats", "/api/v1/health", "/api/v1/accounts", "/api/v1/", "/api/v1/cmd/",
            "/api/v1/store", "/api/v1/action", "/api/v1/data/app.lines?after=0&limit=5", "/api/v1/cron", "/api/v1/cron/c-1/runs",
            "/api/v1/host-accounts", "/api/v1/host-accounts/alice?hosts=web-1", "/api/v1/market/plugins", "/api/v1/market/plugins/disk-usage",
            "/api/v1/market/plugins/disk-usage/1.0.0", "/api/v1/market/plugins/disk-usage/1.0.0/bundle.jar", "/api/v1/market/repository.xml",
            "/api/v1/market/subscriptions?group=demo", "/api/v1/market/subscriptions/demo/disk-usage", "/api/v1/plugin");
    /** Paths whose accepted (202) requests submit one task. */
    private static final List<String> SUBMITTING = List.of("/api/v1/cmd", "/api/v1/store", "/api/v1/action", "/api/v1/host-accounts",
            "/api/v1/plugin");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "FOO", "get");

    private ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        api = new ApiFixture(new FakeAccountStore().with("k1", SECRET, true), new ApiLimits(262_144, 300, 100_000, 1000));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void randomBodiesAreRefusedWithAnErrorAndSubmitNothing() throws Exception {
        Random random = new Random(SEED);
        for (int i = 0; i < 400; i++) {
            byte[] body = new byte[random.nextInt(2000)];
            random.nextBytes(body);
            send("random body " + i, "POST", "/api/v1/cmd", body, random.nextInt(10) > 0, "");
        }
    }

    @Test
    void mutatedValidBodiesAreAnsweredCleanly() throws Exception {
        Random random = new Random(SEED + 1);
        JsonMutator mutator = new JsonMutator(random);
        int accepted = 0;
        for (int i = 0; i < 1500; i++) {
            byte[] body = mutator.mutate();
            RawHttp.Answer a = send("mutated body " + i + ": " + preview(body), "POST", "/api/v1/cmd", body, random.nextInt(10) > 0, "");
            accepted += a.status() == 202 ? 1 : 0;
        }
        // the mutations keep some bodies valid: those went through, the rest were refused cleanly
        assertTrue(accepted > 0 && accepted < 1500, "accepted " + accepted);
    }

    @Test
    void mutatedAccountBodiesAreAnsweredCleanly() throws Exception {
        Random random = new Random(SEED + 3);
        JsonMutator mutator = new JsonMutator(random);
        for (int i = 0; i < 300; i++) {
            byte[] body = mutator.mutate(JsonMutator.ACCOUNTS);
            send("mutated account body " + i + ": " + preview(body), "POST", "/api/v1/accounts", body, random.nextInt(10) > 0, "");
        }
    }

    @Test
    void everyOtherEndpointAnswersRandomAndMutatedBodiesCleanly() throws Exception {
        Random random = new Random(SEED + 4);
        JsonMutator mutator = new JsonMutator(random);
        for (Map.Entry<String, List<String>> e : new java.util.TreeMap<>(JsonMutator.OTHERS).entrySet()) {
            String method = e.getKey().substring(0, e.getKey().indexOf(' '));
            String path = e.getKey().substring(e.getKey().indexOf(' ') + 1);
            RawHttp.Answer valid = send("valid " + e.getKey(), method, path, e.getValue().get(0).getBytes(StandardCharsets.UTF_8), true, "");
            assertTrue(valid.status() / 100 == 2, e.getKey() + " -> " + valid.status() + " " + valid.body());
            for (int i = 0; i < 150; i++) {
                byte[] body = random.nextInt(4) == 0 ? randomBytes(random) : mutator.mutate(e.getValue());
                send("mutated " + e.getKey() + " " + i + ": " + preview(body), method, path, body, random.nextInt(10) > 0, "");
            }
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] body = new byte[random.nextInt(2000)];
        random.nextBytes(body);
        return body;
    }

    @Test
    void randomMethodsPathsAndHeadersAreAnsweredCleanly() throws Exception {
        Random random = new Random(SEED + 2);
        for (int i = 0; i < 800; i++) {
            String method = METHODS.get(random.nextInt(METHODS.size()));
            String path = RequestMutator.path(random, PATHS.get(random.nextInt(PATHS.size())));
            byte[] body = random.nextBoolean() ? new byte[0] : JsonMutator.VALID.get(0).getBytes(StandardCharsets.UTF_8);
            send(method + " " + path + " case " + i, method, path, body, random.nextInt(4) > 0, RequestMutator.headers(random));
        }
    }

    @Test
    void limitsAreNamed() throws Exception {
        String deep = "[".repeat(40) + "]".repeat(40);
        JsonNode e = expect(send("deep", "POST", "/api/v1/cmd", cmd("\"targets\":{\"hosts\":[\"web-1\"]},\"x\":" + deep), true, ""),
                400, ErrorCode.INVALID_REQUEST);
        assertTrue(e.get("message").asText().contains("deeper than " + Json.MAX_DEPTH), e.toString());
        expect(send("very deep", "POST", "/api/v1/cmd", ("[".repeat(100_000)).getBytes(StandardCharsets.UTF_8), true, ""), 400,
                ErrorCode.INVALID_REQUEST);
        e = expect(send("huge number", "POST", "/api/v1/cmd", cmd("\"targets\":{\"hosts\":[\"web-1\"]},\"command\":\"id\",\"timeoutSeconds\":"
                + "9".repeat(5000)), true, ""), 400, ErrorCode.INVALID_REQUEST);
        assertTrue(e.get("message").asText().contains("number longer than"), e.toString());
        e = expect(send("long name", "POST", "/api/v1/cmd", cmd("\"" + "n".repeat(300) + "\":1"), true, ""), 400, ErrorCode.INVALID_REQUEST);
        assertTrue(e.get("message").asText().contains("name longer than"), e.toString());
        StringBuilder many = new StringBuilder("\"command\":\"id\",\"targets\":{\"hosts\":[");
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ",").append("\"web-").append(i).append('"');
        }
        e = expect(send("many targets", "POST", "/api/v1/cmd", cmd(many + "]}"), true, ""), 413, ErrorCode.TOO_MANY_TARGETS);
        assertTrue(e.get("message").asText().contains("1001"), e.toString());
        expect(send("long target", "POST", "/api/v1/cmd", cmd("\"command\":\"id\",\"targets\":{\"hosts\":[\"" + "w".repeat(300) + "\"]}"), true,
                ""), 400, ErrorCode.INVALID_REQUEST);
        assertEquals(0, api.tasks.submitted.size());
    }

    @Test
    void validRequestsStillWorkBehindTheFixedBaseAddress() throws Exception {
        RawHttp.Answer a = send("valid", "POST", "/api/v1/cmd", JsonMutator.VALID.get(0).getBytes(StandardCharsets.UTF_8), true, "");
        assertEquals(202, a.status(), a.body());
        // CXF builds the Location from the request's Host header and the fixed base address
        assertEquals("http://127.0.0.1/api/v1/tasks/" + Json.MAPPER.readTree(a.body()).get("taskId").asText(), a.headers().get("location"));
        assertEquals(200, send("hosts", "GET", "/api/v1/hosts?group=demo", new byte[0], true, "").status());
        JsonNode e = expect(send("backslash", "GET", "/api/v1/ho\\sts", new byte[0], false, ""), 400, ErrorCode.INVALID_REQUEST);
        assertTrue(e.get("message").asText().contains("not a valid URI"), e.toString());
        expect(send("bad escape", "GET", "/api/v1/hosts?q=%zz", new byte[0], true, ""), 400, ErrorCode.INVALID_REQUEST);
    }

    @Test
    void anOversizedHeaderGets431FromJettyWithoutInternals() throws Exception {
        RawHttp.Answer a = RawHttp.send(api.port, "GET /api/v1/hosts HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(ApiFixture.HEADER_LIMIT + 10),
                new byte[0]);
        assertNotNull(a);
        assertEquals(431, a.status(), a.body());
        assertFalse(LEAK.matcher(a.body()).find(), a.body());
        assertFalse(a.headers().containsKey("server"), a.headers().toString());
        // just below the limit, the API answers itself
        assertEquals(401, RawHttp.send(api.port, "GET /api/v1/hosts HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(ApiFixture.HEADER_LIMIT - 200),
                new byte[0]).status());
    }

    private static byte[] cmd(String fields) {
        return ("{" + fields + "}").getBytes(StandardCharsets.UTF_8);
    }

    private RawHttp.Answer send(String what, String method, String path, byte[] body, boolean sign, String extraHeaders) throws Exception {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                .append("Content-Type: application/json\r\nContent-Length: ").append(body.length);
        if (sign) {
            String ts = Long.toString(api.clock.millis());
            String nonce = UUID.randomUUID().toString();
            head.append("\r\n").append(ApiSignature.HEADER_KEY).append(": k1\r\n").append(ApiSignature.HEADER_TIMESTAMP).append(": ")
                    .append(ts).append("\r\n").append(ApiSignature.HEADER_NONCE).append(": ").append(nonce).append("\r\n")
                    .append(ApiSignature.HEADER_SIGNATURE).append(": ").append(ApiSignature.sign(SECRET, method, path, ts, nonce, body));
        }
        head.append(extraHeaders);
        int before = api.tasks.submitted.size();
        RawHttp.Answer a = RawHttp.send(api.port, head.toString(), body);
        String context = "seed " + SEED + ", " + what + " -> ";
        if (a == null) {
            fail(context + "no answer");
        }
        context += a.status() + " " + a.body();
        assertTrue(a.status() >= 200 && a.status() < 500, context);
        assertFalse(LEAK.matcher(a.body()).find(), context);
        int submitted = api.tasks.submitted.size() - before;
        boolean submits = a.status() == 202 && ("POST".equals(method) || "DELETE".equals(method))
                && SUBMITTING.stream().anyMatch(path::startsWith);
        assertEquals(submits ? 1 : 0, submitted, context);
        if (a.status() >= 400 && !"HEAD".equals(method)) {
            if (a.contentType().startsWith("application/json")) {
                JsonNode error = Json.MAPPER.readTree(a.body()).get("error");
                assertTrue(error != null && error.get("code").isTextual() && error.get("layer").isTextual()
                        && !error.get("message").asText().isBlank(), context);
                ErrorCode code = ErrorCode.valueOf(error.get("code").asText());
                // the code's own status, or the protocol's more precise one (406 for an Accept nobody serves)
                assertTrue(ErrorResponses.statusOf(code) == a.status() || a.status() == 406, context);
            } else if (a.status() == 404) {
                // a path that (once normalised) lies outside the API's address: CXF's or Jetty's own page
                assertTrue(!path.startsWith("/api/v1/") || path.contains(".."), context);
            } else {
                // refused by Jetty's HTTP parser before the API saw it: a bad request line or header
                assertTrue(List.of(400, 413, 414, 431).contains(a.status()), context);
            }
        }
        return a;
    }

    private static JsonNode expect(RawHttp.Answer a, int status, ErrorCode code) throws Exception {
        assertEquals(status, a.status(), a.body());
        JsonNode error = Json.MAPPER.readTree(a.body()).get("error");
        assertEquals(code.name(), error.get("code").asText(), a.body());
        return error;
    }

    private static String preview(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
