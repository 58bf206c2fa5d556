package dev.orrery.center.rest.internal;

import dev.orrery.api.ApiSignature;
import dev.orrery.api.HostStatus;
import dev.orrery.center.store.ApiAccount;
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
import org.apache.cxf.Bus;
import org.apache.cxf.bus.CXFBusFactory;
import org.apache.cxf.transport.http.DestinationRegistry;
import org.apache.cxf.transport.http.DestinationRegistryImpl;
import org.apache.cxf.transport.http.HTTPTransportFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * The API in Jetty on a random port with the real security components (roles, command mapping,
 * a rate limiter of choice) over fake stores, and a client that signs as any account of the store.
 * Hosts: web-1 (h-1, group demo, online), db-1 (h-2, group db, offline).
 */
final class SecuredApi implements AutoCloseable {
    final MutableClock clock = new MutableClock(System.currentTimeMillis());
    final FakeAccountStore accounts = new FakeAccountStore();
    final FakeHostStore hosts = new FakeHostStore();
    final FakeTaskService tasks = new FakeTaskService(hosts);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Bus bus = new CXFBusFactory().createBus();
    private final Server jetty = new Server();
    private final org.apache.cxf.endpoint.Server endpoint;
    private final String base;

    SecuredApi(RateLimiter limiter) throws Exception {
        this(limiter, api -> List.of());
    }

    /** With more resources served, as RestServer adds those of optional services; {@code extra} may use the fixture's stores. */
    SecuredApi(RateLimiter limiter, java.util.function.Function<SecuredApi, List<Object>> extra) throws Exception {
        this(limiter, extra, MarketPaths.DEFAULTS);
    }

    /** As above, with the marketplace's upload limit and public repository setting. */
    SecuredApi(RateLimiter limiter, java.util.function.Function<SecuredApi, List<Object>> extra, MarketPaths market) throws Exception {
        DestinationRegistry registry = new DestinationRegistryImpl();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/api");
        context.addServlet(new ServletHolder(new ApiServlet(registry)), "/*");
        jetty.setHandler(context);
        jetty.start();
        endpoint = ApiEndpoint.start(bus, new HTTPTransportFactory(registry), "/v1", tasks, hosts, accounts,
                new ApiLimits(200_000, 300, 100_000), clock, AuditFilter.DISCARD, TestSecurity.of(accounts, limiter), extra.apply(this), market);
        base = "http://127.0.0.1:" + connector.getLocalPort();
        hosts.register(new HostRecord("h-1", "web-1", List.of("10.0.0.1"), "SN1", "idc1", "ch-1", HostStatus.ONLINE, List.of("demo"),
                Map.of(), 5));
        hosts.register(new HostRecord("h-2", "db-1", List.of(), "SN2", "idc1", null, HostStatus.OFFLINE, List.of("db"), Map.of(), 6));
    }

    /** Adds an account; its secret is {@code secret-<keyId>}. */
    ApiAccount account(String keyId, String role, List<String> groups, boolean mapping, String... permissions) {
        ApiAccount a = new ApiAccount(keyId, "secret-" + keyId, "name-" + keyId, role, true, 1L, groups, List.of(), mapping,
                List.of(permissions));
        accounts.with(a);
        return a;
    }

    HttpResponse<String> call(String keyId, String secret, String method, String target, String json) throws Exception {
        byte[] bytes = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(clock.millis());
        String nonce = UUID.randomUUID().toString();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + target)).timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header(ApiSignature.HEADER_KEY, keyId).header(ApiSignature.HEADER_TIMESTAMP, ts).header(ApiSignature.HEADER_NONCE, nonce)
                .header(ApiSignature.HEADER_SIGNATURE, ApiSignature.sign(secret, method, target, ts, nonce, bytes));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signed, with any body bytes and content type ({@code null}: no Content-Type header). */
    HttpResponse<String> bytes(String keyId, String method, String target, byte[] body, String contentType) throws Exception {
        String secret = accounts.find(keyId).map(ApiAccount::secret).orElse("none");
        String ts = Long.toString(clock.millis());
        String nonce = UUID.randomUUID().toString();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + target)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header(ApiSignature.HEADER_KEY, keyId).header(ApiSignature.HEADER_TIMESTAMP, ts).header(ApiSignature.HEADER_NONCE, nonce)
                .header(ApiSignature.HEADER_SIGNATURE, ApiSignature.sign(secret, method, target, ts, nonce, body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Unsigned, without a body. */
    HttpResponse<String> unsigned(String method, String target) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + target)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs with the secret the store holds for the key. */
    HttpResponse<String> call(String keyId, String method, String target, String json) throws Exception {
        return call(keyId, accounts.find(keyId).map(ApiAccount::secret).orElse("none"), method, target, json);
    }

    @Override
    public void close() throws Exception {
        endpoint.destroy();
        jetty.stop();
        bus.shutdown(true);
    }
}
