package dev.orrery.center.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.ApiSignature;
import dev.orrery.api.HostStatus;
import dev.orrery.api.OrreryException;
import dev.orrery.api.ErrorCode;
import dev.orrery.center.store.AuditEntry;
import dev.orrery.center.store.HostRecord;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.cxf.Bus;
import org.apache.cxf.bus.CXFBusFactory;
import org.apache.cxf.transport.http.DestinationRegistry;
import org.apache.cxf.transport.http.DestinationRegistryImpl;
import org.apache.cxf.transport.http.HTTPTransportFactory;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every API call but GET /health is audited before it is answered: the API served over real HTTP with an in-memory audit log. */
class AuditHttpTest {
    private static final String SECRET = "test-secret";
    private static final String EMPTY_SHA = "";

    private final MutableClock clock = new MutableClock(System.currentTimeMillis());
    private final FakeAccountStore accounts = new FakeAccountStore().with("k1", SECRET, true);
    private final FakeHostStore hosts = new FakeHostStore();
    private final FakeTaskService tasks = new FakeTaskService(hosts);
    private final FakeAuditLog audit = new FakeAuditLog();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private Bus bus;
    private Server jetty;
    private org.apache.cxf.endpoint.Server endpoint;
    private String base;

    @BeforeEach
    void start() throws Exception {
        bus = new CXFBusFactory().createBus();
        DestinationRegistry registry = new DestinationRegistryImpl();
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/api");
        context.addServlet(new ServletHolder(new CXFNonSpringServlet(registry, false)), "/*");
        jetty.setHandler(context);
        jetty.start();
        endpoint = ApiEndpoint.start(bus, new HTTPTransportFactory(registry), "/v1", tasks, hosts, accounts,
                new ApiLimits(200_000, 300, 1000), clock, audit, TestSecurity.of(accounts));
        base = "http://127.0.0.1:" + connector.getLocalPort();
        hosts.register(new HostRecord("h-1", "web-1", List.of("10.0.0.1"), "SN1", "idc1", "ch-1", HostStatus.ONLINE,
                List.of("demo"), Map.of(), 5));
    }

    @AfterEach
    void stop() throws Exception {
        endpoint.destroy();
        jetty.stop();
        bus.shutdown(true);
    }

    private HttpRequest request(String method, String target, String body, String keyId, String secret) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + target)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (keyId != null) {
            String ts = Long.toString(clock.millis());
            String nonce = UUID.randomUUID().toString();
            b.header(ApiSignature.HEADER_KEY, keyId).header(ApiSignature.HEADER_TIMESTAMP, ts).header(ApiSignature.HEADER_NONCE, nonce)
                    .header(ApiSignature.HEADER_SIGNATURE, ApiSignature.sign(secret, method, target, ts, nonce, bytes));
        }
        return b.build();
    }

    private HttpResponse<String> send(HttpRequest r) throws Exception {
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signed(String method, String target, String body) throws Exception {
        return send(request(method, target, body, "k1", SECRET));
    }

    @Test
    void aSignedReadIsRecordedWithAccountSourceActionAndOutcome() throws Exception {
        assertEquals(200, signed("GET", "/api/v1/hosts?status=online", null).statusCode());
        assertEquals(1, audit.entries.size());
        AuditEntry e = audit.last();
        assertEquals(AuditEntry.API, e.kind());
        assertEquals("k1", e.account());
        assertEquals("127.0.0.1", e.source());
        assertEquals("GET /api/v1/hosts?status=online", e.action());
        assertEquals("200", e.outcome());
        assertEquals(EMPTY_SHA, e.bodyDigest());
        assertEquals("", e.targets());
    }

    @Test
    void aCommandIsRecordedWithTargetsCommandDigestAndTask() throws Exception {
        String body = "{\"targets\":{\"hosts\":[\"web-1\"],\"groups\":[\"demo\"]},\"command\":\"uname -a\"}";
        HttpResponse<String> r = signed("POST", "/api/v1/cmd", body);
        assertEquals(202, r.statusCode(), r.body());
        AuditEntry e = audit.last();
        assertEquals("POST /api/v1/cmd", e.action());
        assertEquals("hosts=web-1 groups=demo", e.targets());
        assertEquals("uname -a", e.detail());
        assertEquals(AuditFilter.sha256(body.getBytes(StandardCharsets.UTF_8)), e.bodyDigest());
        assertEquals("202 taskId=" + Json.MAPPER.readTree(r.body()).get("taskId").asText(), e.outcome());
    }

    @Test
    void refusedCallsAreRecordedToo() throws Exception {
        assertEquals(401, send(request("GET", "/api/v1/hosts", null, null, null)).statusCode());
        assertEquals("-", audit.last().account());
        assertEquals("401 UNAUTHENTICATED", audit.last().outcome());
        assertEquals(401, send(request("POST", "/api/v1/cmd", "{\"command\":\"id\"}", "k1", "wrong-secret")).statusCode());
        assertEquals("k1 (unverified)", audit.last().account());
        assertEquals("POST /api/v1/cmd", audit.last().action());
        assertEquals("", audit.last().bodyDigest(), "an unverified body is not read");
        assertEquals(401, send(request("GET", "/api/v1/hosts", null, "nobody", SECRET)).statusCode());
        assertEquals("nobody (unverified)", audit.last().account());
        assertEquals(404, signed("GET", "/api/v1/no/such/path", null).statusCode());
        assertEquals("404 NOT_FOUND", audit.last().outcome());
        assertEquals(405, signed("DELETE", "/api/v1/hosts", null).statusCode());
        assertEquals("405 METHOD_NOT_ALLOWED", audit.last().outcome());
        assertEquals(400, signed("POST", "/api/v1/cmd", "{\"targets\":").statusCode());
        assertEquals("400 MALFORMED_JSON", audit.last().outcome());
        assertEquals("body of 11 bytes, not JSON", audit.last().detail());
        tasks.failure = new IllegalStateException("boom");
        assertEquals(500, signed("POST", "/api/v1/cmd", "{\"targets\":{\"hosts\":[\"web-1\"]},\"command\":\"id\"}").statusCode());
        assertEquals("500 INTERNAL", audit.last().outcome());
        assertEquals(7, audit.entries.size());
    }

    @Test
    void aConfirmedHighRiskRequestIsMarked() throws Exception {
        signed("POST", "/api/v1/cmd", "{\"targets\":{\"hosts\":[\"web-1\"]},\"command\":\"reboot\",\"confirmHighRisk\":true}");
        assertTrue(audit.last().outcome().endsWith(" confirmHighRisk"), audit.last().outcome());
        assertEquals("reboot", audit.last().detail());
    }

    @Test
    void healthIsNotRecorded() throws Exception {
        assertEquals(200, send(request("GET", "/api/v1/health", null, null, null)).statusCode());
        assertTrue(audit.entries.isEmpty());
    }

    @Test
    void theAnswerWaitsForTheRecord() throws Exception {
        audit.gate = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request("GET", "/api/v1/hosts", null, "k1", SECRET),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(audit.waiting.await(10, TimeUnit.SECONDS));
        assertFalse(answer.isDone(), "answered before the audit record was stored");
        audit.gate.countDown();
        assertEquals(200, answer.get(10, TimeUnit.SECONDS).statusCode());
        assertEquals(1, audit.entries.size());
    }

    @Test
    void anUnrecordableCallIsAnswered503() throws Exception {
        audit.failure = new OrreryException(ErrorCode.STORE_UNAVAILABLE, "the store is closed");
        HttpResponse<String> r = signed("GET", "/api/v1/hosts", null);
        assertEquals(503, r.statusCode(), r.body());
        assertEquals("STORE_UNAVAILABLE", Json.MAPPER.readTree(r.body()).get("error").get("code").asText());
        assertFalse(r.body().contains("web-1"), "the withheld answer leaked: " + r.body());
    }

    @Test
    void auditRecordsAreListedNewestFirstWithFilters() throws Exception {
        signed("GET", "/api/v1/hosts", null);
        send(request("GET", "/api/v1/hosts", null, null, null));
        HttpResponse<String> r = signed("GET", "/api/v1/audit?limit=10", null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode records = Json.MAPPER.readTree(r.body()).get("records");
        assertEquals(2, records.size());
        JsonNode newest = records.get(0);
        assertEquals(2, newest.get("seq").asInt());
        assertEquals("-", newest.get("account").asText());
        assertEquals("401 UNAUTHENTICATED", newest.get("outcome").asText());
        for (String field : List.of("seq", "at", "kind", "account", "source", "action", "targets", "detail", "bodyDigest", "outcome")) {
            assertTrue(newest.has(field), field);
        }
        assertEquals(10, newest.size());
        signed("GET", "/api/v1/audit?limit=5&account=k1&since=2026-11-27T00:00:00Z", null);
        assertEquals("5|k1|" + java.time.Instant.parse("2026-11-27T00:00:00Z").toEpochMilli(), audit.lastQuery);
        signed("GET", "/api/v1/audit?since=12345", null);
        assertEquals("100|null|12345", audit.lastQuery);
        for (String bad : List.of("limit=0", "limit=1001", "limit=x", "since=yesterday", "since=-5")) {
            HttpResponse<String> refused = signed("GET", "/api/v1/audit?" + bad, null);
            assertEquals(400, refused.statusCode(), bad);
            assertEquals("INVALID_REQUEST", Json.MAPPER.readTree(refused.body()).get("error").get("code").asText());
            assertEquals("400 INVALID_REQUEST", audit.last().outcome());
        }
    }
}
