package dev.orrery.center.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.ApiSignature;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostStatus;
import dev.orrery.api.HostTaskState;
import dev.orrery.center.store.HostRecord;
import dev.orrery.api.TaskState;
import dev.orrery.center.store.HostTaskRecord;
import dev.orrery.center.store.TaskRecord;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/**
 * Serves the API the way Karaf does (the CXF servlet mounted at {@code /api}, the endpoint at
 * relative address {@code /v1}) in Jetty 9.4 on a random local port, and calls it over HTTP.
 */
class ApiHttpTest {
    private static final String SECRET = "test-secret";

    private final MutableClock clock = new MutableClock(System.currentTimeMillis());
    private final FakeAccountStore accounts = new FakeAccountStore().with("k1", SECRET, true);
    private final FakeHostStore hosts = new FakeHostStore();
    private final FakeTaskService tasks = new FakeTaskService(hosts);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Bus bus;
    private Server jetty;
    private org.apache.cxf.endpoint.Server endpoint;
    private String base;

    @BeforeEach
    void start() throws Exception {
        // As CXF's HTTPTransportActivator does in OSGi: one destination registry shared by the
        // transport and the servlet.
        bus = new CXFBusFactory().createBus();
        DestinationRegistry registry = new DestinationRegistryImpl();
        HTTPTransportFactory transport = new HTTPTransportFactory(registry);
        CXFNonSpringServlet servlet = new CXFNonSpringServlet(registry, false);
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/api");
        context.addServlet(new ServletHolder(servlet), "/*");
        jetty.setHandler(context);
        jetty.start();
        endpoint = ApiEndpoint.start(bus, transport, "/v1", tasks, hosts, accounts, new ApiLimits(200_000, 300, 1000), clock,
                TestSecurity.of(accounts));
        base = "http://127.0.0.1:" + connector.getLocalPort();
        hosts.register(new HostRecord("h-1", "web-1", List.of("10.0.0.1", "10.0.1.1"), "SN1", "idc1", "ch-1",
                HostStatus.ONLINE, List.of("demo"), Map.of("rack", "r1"), 5));
        hosts.register(new HostRecord("h-2", "db-1", List.of(), "SN2", "idc1", null, HostStatus.OFFLINE, List.of(), Map.of(), 6));
    }

    @AfterEach
    void stop() throws Exception {
        endpoint.destroy();
        jetty.stop();
        bus.shutdown(true);
    }

    private HttpResponse<String> call(String method, String target, String body, String contentType, boolean sign) throws Exception {
        return call(method, target, body, contentType, sign, 0);
    }

    private HttpResponse<String> call(String method, String target, String body, String contentType, boolean sign, long skew)
            throws Exception {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + target)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (sign) {
            String ts = Long.toString(clock.millis() + skew);
            String nonce = UUID.randomUUID().toString();
            b.header(ApiSignature.HEADER_KEY, "k1").header(ApiSignature.HEADER_TIMESTAMP, ts).header(ApiSignature.HEADER_NONCE, nonce)
                    .header(ApiSignature.HEADER_SIGNATURE, ApiSignature.sign(SECRET, method, target, ts, nonce, bytes));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signed(String method, String target, String json) throws Exception {
        return call(method, target, json, json == null ? null : "application/json", true);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.MAPPER.readTree(r.body());
    }

    /** Asserts the status and the error shape, and that nothing internal leaked. */
    private static JsonNode error(HttpResponse<String> r, int status, ErrorCode code) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        JsonNode root = json(r);
        assertEquals(1, root.size(), r.body());
        JsonNode e = root.get("error");
        assertEquals(code.name(), e.get("code").asText(), r.body());
        assertEquals("proxy", e.get("layer").asText());
        assertFalse(e.get("message").asText().isBlank());
        for (String leak : List.of("Exception", "\tat ", ".java:", "org.apache")) {
            assertFalse(r.body().contains(leak), "leaked " + leak + ": " + r.body());
        }
        return e;
    }

    @Test
    void healthNeedsNoSignature() throws Exception {
        HttpResponse<String> r = call("GET", "/api/v1/health", null, null, false);
        assertEquals(200, r.statusCode());
        assertEquals("UP", json(r).get("status").asText());
    }

    @Test
    void unsignedAndBadlySignedRequestsAre401() throws Exception {
        assertTrue(error(call("GET", "/api/v1/hosts", null, null, false), 401, ErrorCode.UNAUTHENTICATED)
                .get("message").asText().contains("missing header"));
        error(call("GET", "/api/v1/no/such/path", null, null, false), 401, ErrorCode.UNAUTHENTICATED);
        HttpRequest forged = HttpRequest.newBuilder(URI.create(base + "/api/v1/hosts"))
                .header(ApiSignature.HEADER_KEY, "k1").header(ApiSignature.HEADER_TIMESTAMP, Long.toString(clock.millis()))
                .header(ApiSignature.HEADER_NONCE, "n").header(ApiSignature.HEADER_SIGNATURE, "Zm9yZ2Vk").GET().build();
        assertTrue(error(http.send(forged, HttpResponse.BodyHandlers.ofString()), 401, ErrorCode.UNAUTHENTICATED)
                .get("message").asText().startsWith("bad signature"));
        HttpRequest unknownKey = HttpRequest.newBuilder(URI.create(base + "/api/v1/hosts"))
                .header(ApiSignature.HEADER_KEY, "who").header(ApiSignature.HEADER_TIMESTAMP, Long.toString(clock.millis()))
                .header(ApiSignature.HEADER_NONCE, "n").header(ApiSignature.HEADER_SIGNATURE, "Zm9yZ2Vk").GET().build();
        assertTrue(error(http.send(unknownKey, HttpResponse.BodyHandlers.ofString()), 401, ErrorCode.UNAUTHENTICATED)
                .get("message").asText().contains("unknown key"));
    }

    @Test
    void replaysAndSkewedRequestsAre401() throws Exception {
        String ts = Long.toString(clock.millis());
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/api/v1/hosts")).header(ApiSignature.HEADER_KEY, "k1")
                .header(ApiSignature.HEADER_TIMESTAMP, ts).header(ApiSignature.HEADER_NONCE, "once")
                .header(ApiSignature.HEADER_SIGNATURE, ApiSignature.sign(SECRET, "GET", "/api/v1/hosts", ts, "once", null)).GET().build();
        assertEquals(200, http.send(r, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertTrue(error(http.send(r, HttpResponse.BodyHandlers.ofString()), 401, ErrorCode.UNAUTHENTICATED)
                .get("message").asText().contains("nonce"));
        assertEquals(200, call("GET", "/api/v1/hosts", null, null, true, -290_000).statusCode());
        assertTrue(error(call("GET", "/api/v1/hosts", null, null, true, -400_000), 401, ErrorCode.UNAUTHENTICATED)
                .get("message").asText().contains("clock"));
        error(call("GET", "/api/v1/hosts", null, null, true, 400_000), 401, ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void listsHostsWithFiltersFromTheSignedQueryString() throws Exception {
        HttpResponse<String> r = signed("GET", "/api/v1/hosts?status=online&group=demo&q=web%201", null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(HostStatus.ONLINE, hosts.lastQuery.status());
        assertEquals("demo", hosts.lastQuery.group());
        assertEquals("web 1", hosts.lastQuery.text());
        JsonNode all = json(signed("GET", "/api/v1/hosts", null));
        assertEquals(2, all.get("total").asInt());
        JsonNode h = all.get("hosts").get(0);
        assertEquals("h-1", h.get("hostId").asText());
        assertEquals("10.0.0.1", h.get("ip").asText());
        assertEquals(2, h.get("ips").size());
        assertEquals("ONLINE", h.get("status").asText());
        assertEquals("r1", h.get("labels").get("rack").asText());
        assertTrue(all.get("hosts").get(1).get("ip").isNull());
        error(signed("GET", "/api/v1/hosts?status=sleeping", null), 400, ErrorCode.INVALID_REQUEST);
    }

    @Test
    void getsOneHostOr404() throws Exception {
        assertEquals("web-1", json(signed("GET", "/api/v1/hosts/h-1", null)).get("hostname").asText());
        assertEquals("h-1", json(signed("GET", "/api/v1/hosts/web-1", null)).get("hostId").asText());
        error(signed("GET", "/api/v1/hosts/nope", null), 404, ErrorCode.NOT_FOUND);
    }

    @Test
    void submitsACommandAndFollowsTheTask() throws Exception {
        HttpResponse<String> r = signed("POST", "/api/v1/cmd",
                "{\"targets\":{\"hosts\":[\"web-1\"],\"groups\":[\"demo\"]},\"command\":\"uname -a\",\"timeoutSeconds\":20}");
        assertEquals(202, r.statusCode(), r.body());
        String taskId = json(r).get("taskId").asText();
        assertEquals(1, json(r).get("hosts").asInt());
        assertTrue(r.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/tasks/" + taskId));
        assertEquals("k1", tasks.submitted.get(0).createdBy());
        assertEquals("uname -a", tasks.submitted.get(0).params().get("command"));

        tasks.results.put(taskId, List.of(
                new HostTaskRecord(taskId, "h-1", HostTaskState.SUCCEEDED, 0, "Linux\n", "", false, null, null, "ch-1", 9,
                        new HostTaskRecord.Timestamps(1L, 2L, 3L, null, 5L)),
                new HostTaskRecord(taskId, "h-2", HostTaskState.FAILED, null, "", "", false, ErrorCode.HOST_OFFLINE, "offline", null, 9)));
        JsonNode task = json(signed("GET", "/api/v1/tasks/" + taskId, null));
        assertEquals("cmd", task.get("type").asText());
        assertEquals("k1", task.get("createdBy").asText());
        assertEquals(2, task.get("counts").get("total").asInt());
        assertEquals(1, task.get("counts").get("succeeded").asInt());
        assertEquals(0, task.get("counts").get("timedOut").asInt());

        JsonNode results = json(signed("GET", "/api/v1/tasks/" + taskId + "/results?state=failed", null)).get("results");
        assertEquals(1, results.size());
        assertEquals("HOST_OFFLINE", results.get(0).get("error").get("code").asText());
        assertEquals("channel", results.get(0).get("error").get("layer").asText());
        JsonNode ok = json(signed("GET", "/api/v1/tasks/" + taskId + "/results", null)).get("results").get(0);
        assertEquals("Linux\n", ok.get("stdout").asText());
        assertTrue(ok.get("error").isNull());
        assertEquals("{\"created\":1,\"dispatched\":2,\"received\":3,\"started\":null,\"finished\":5}",
                ok.get("timestamps").toString());
        error(signed("GET", "/api/v1/tasks/" + taskId + "/results?limit=abc", null), 400, ErrorCode.INVALID_REQUEST);

        assertEquals(202, signed("POST", "/api/v1/tasks/" + taskId + "/cancel", null).statusCode());
        assertEquals(List.of(taskId), tasks.cancelled);
        error(signed("GET", "/api/v1/tasks/nope", null), 404, ErrorCode.NOT_FOUND);
        error(signed("POST", "/api/v1/tasks/nope/cancel", null), 404, ErrorCode.NOT_FOUND);

        TaskRecord t = tasks.tasks.get(taskId);
        tasks.tasks.put(taskId, new TaskRecord(taskId, t.type(), t.createdBy(), t.createdAt(), t.timeoutSeconds(), t.params(),
                t.body(), TaskState.DONE));
        error(signed("POST", "/api/v1/tasks/" + taskId + "/cancel", null), 409, ErrorCode.TASK_FINISHED);
    }

    @Test
    void statsShowTheProxyCountersToSignedCallersOnly() throws Exception {
        HttpResponse<String> r = signed("GET", "/api/v1/stats", null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("{\"ignoredAcks\":2,\"resends\":5}", json(r).get("counters").toString());
        error(call("GET", "/api/v1/stats", null, null, false), 401, ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void badBodiesGetTheirCodesAndNothingIsSubmitted() throws Exception {
        error(signed("POST", "/api/v1/cmd", "{\"targets\":"), 400, ErrorCode.MALFORMED_JSON);
        error(signed("POST", "/api/v1/cmd", "{\"targets\":{\"hosts\":[\"web-1\"]},\"command\":\"id\",\"timeoutSeconds\":\"abc\"}"),
                400, ErrorCode.INVALID_REQUEST);
        error(signed("POST", "/api/v1/cmd", "{\"targets\":{\"hosts\":[\"web-1\"]}}"), 400, ErrorCode.INVALID_REQUEST);
        JsonNode unknown = error(signed("POST", "/api/v1/cmd",
                "{\"targets\":{\"hosts\":[\"web-1\",\"ghost-1\"],\"groups\":[\"nogroup\"]},\"command\":\"id\"}"), 400,
                ErrorCode.UNKNOWN_TARGET);
        assertEquals("[\"ghost-1\",\"nogroup\"]", unknown.get("details").toString());
        error(signed("POST", "/api/v1/cmd", "{\"targets\":{\"hosts\":[\"web-1\"]},\"command\":\"" + "x".repeat(70_000) + "\"}"),
                413, ErrorCode.COMMAND_TOO_LARGE);
        error(signed("POST", "/api/v1/cmd", "{\"targets\":{\"hosts\":[\"web-1\"]},\"command\":\"" + "x".repeat(250_000) + "\"}"),
                413, ErrorCode.BODY_TOO_LARGE);
        error(call("POST", "/api/v1/cmd", "command=id", "text/plain", true), 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertTrue(tasks.submitted.isEmpty());
    }

    @Test
    void unknownPathsAndWrongMethodsAreMapped() throws Exception {
        error(signed("GET", "/api/v1/no/such/path", null), 404, ErrorCode.NOT_FOUND);
        HttpResponse<String> r = signed("GET", "/api/v1/cmd", null);
        error(r, 405, ErrorCode.METHOD_NOT_ALLOWED);
        assertNotNull(r.headers().firstValue("Allow").orElse(null));
        error(signed("DELETE", "/api/v1/hosts", null), 405, ErrorCode.METHOD_NOT_ALLOWED);
    }

    @Test
    void unexpectedFailuresAre500WithoutInternals() throws Exception {
        tasks.failure = new IllegalStateException("jdbc:derby:/var/secret password=hunter2");
        JsonNode e = error(signed("POST", "/api/v1/cmd", "{\"targets\":{\"hosts\":[\"web-1\"]},\"command\":\"id\"}"), 500,
                ErrorCode.INTERNAL);
        assertFalse(e.toString().contains("hunter2"));
        assertFalse(e.toString().contains("derby"));
    }
}
