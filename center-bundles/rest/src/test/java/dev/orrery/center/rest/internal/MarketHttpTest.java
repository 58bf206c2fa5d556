package dev.orrery.center.rest.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.api.ErrorCode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /market/plugins and /market/repository.xml over real HTTP: uploads, limits, media types, reads, deletes, the public repository. */
class MarketHttpTest {
    static final String JAR = "application/java-archive";
    private final FakeMarketService market = new FakeMarketService();
    private SecuredApi api;

    @BeforeEach
    void start() throws Exception {
        api = serve(true);
    }

    private SecuredApi serve(boolean publicRepository) throws Exception {
        SecuredApi a = new SecuredApi(RateLimiter.NONE, s -> MarketResources.of(market, s.tasks, 100, TestSecurity.of(s.accounts)),
                new MarketPaths(500_000, publicRepository));
        a.account("op", "operator", List.of(), false);
        a.account("viewer", "viewer", List.of(), false);
        a.account("admin", "admin", List.of(), false);
        a.account("none", "auditor", List.of(), false);
        return a;
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    static JsonNode status(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    static void refused(HttpResponse<String> r, int status, ErrorCode code) throws Exception {
        assertEquals(code.name(), status(r, status).get("error").get("code").asText(), r.body());
    }

    private HttpResponse<String> upload(String key, String text, String type) throws Exception {
        return api.bytes(key, "POST", "/api/v1/market/plugins", text.getBytes(StandardCharsets.UTF_8), type);
    }

    @Test
    void uploadsAPluginAndAnswersTheVersion() throws Exception {
        HttpResponse<String> r = upload("op", "tool 1.2.0 java", JAR);
        JsonNode v = status(r, 201);
        assertEquals(Arrays.asList("name", "version", "kind", "description", "entry", "symbolicName", "size", "sha256", "uploadedBy",
                "uploadedAt"), names(v));
        assertEquals("tool", v.get("name").asText());
        assertEquals("1.2.0", v.get("version").asText());
        assertEquals("op", v.get("uploadedBy").asText());
        assertEquals(15, v.get("size").asLong());
        assertEquals(StoreRequestParser.sha256("tool 1.2.0 java".getBytes(StandardCharsets.UTF_8)), v.get("sha256").asText());
        assertTrue(r.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/market/plugins/tool"));
        status(upload("op", "tool 1.3.0 java", "application/octet-stream"), 201);
        status(upload("admin", "tool 1.4.0 java", "Application/Java-Archive; charset=UTF-8"), 201);
    }

    @Test
    void refusedUploads() throws Exception {
        refused(upload("op", "tool 1.2.0 java", "application/json"), 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        refused(upload("op", "tool 1.2.0 java", null), 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        refused(upload("op", "tool 1.2.0 java", "not a type"), 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        refused(upload("op", "", JAR), 400, ErrorCode.PLUGIN_INVALID);
        refused(upload("op", "PK\u0003\u0004 garbage", JAR), 400, ErrorCode.PLUGIN_INVALID);
        refused(upload("op", "disk-usage 1.0.0 script", JAR), 409, ErrorCode.CONFLICT);
        refused(upload("viewer", "tool 1.2.0 java", JAR), 403, ErrorCode.FORBIDDEN);
        assertFalse(market.records.containsKey("tool@1.2.0"));
    }

    @Test
    void theUploadLimitReplacesTheJsonLimitOnThisPathOnly() throws Exception {
        // larger than maxBodyBytes (200,000) but within maxUploadBytes (500,000): the marketplace decides (its limit is 250,000)
        HttpResponse<String> r = api.bytes("op", "POST", "/api/v1/market/plugins", new byte[300_000], JAR);
        refused(r, 413, ErrorCode.CONTENT_TOO_LARGE);
        refused(api.bytes("op", "POST", "/api/v1/market/plugins", new byte[200_001], JAR), 400, ErrorCode.PLUGIN_INVALID);
        refused(api.bytes("op", "POST", "/api/v1/market/plugins", new byte[600_000], JAR), 413, ErrorCode.BODY_TOO_LARGE);
        refused(api.bytes("op", "POST", "/api/v1/market/subscriptions", new byte[300_000], "application/json"), 413, ErrorCode.BODY_TOO_LARGE);
        refused(api.bytes("op", "POST", "/api/v1/plugin", new byte[300_000], "application/json"), 413, ErrorCode.BODY_TOO_LARGE);
    }

    @Test
    void listsAndShowsPlugins() throws Exception {
        JsonNode list = status(api.call("viewer", "GET", "/api/v1/market/plugins", null), 200);
        JsonNode p = list.get("plugins").get(0);
        assertEquals(Arrays.asList("name", "kind", "description", "latest", "versions", "installed"), names(p));
        assertEquals("2.0.0", p.get("latest").asText());
        assertEquals("[\"2.0.0\",\"1.0.0\"]", p.get("versions").toString());
        assertEquals(0, p.get("installed").asInt());

        status(api.call("op", "POST", "/api/v1/market/subscriptions", "{\"group\":\"demo\",\"plugin\":\"disk-usage\",\"version\":\"1.0.0\"}"), 200);
        JsonNode one = status(api.call("viewer", "GET", "/api/v1/market/plugins/disk-usage", null), 200);
        assertEquals(Arrays.asList("name", "kind", "description", "latest", "versions"), names(one));
        JsonNode v1 = one.get("versions").get(1);
        assertEquals("1.0.0", v1.get("version").asText());
        assertEquals(1, v1.get("installed").asInt());
        assertEquals("[\"demo\"]", v1.get("groups").toString());
        assertTrue(names(v1).containsAll(List.of("sha256", "uploadedBy", "uploadedAt", "entry", "symbolicName")));
        refused(api.call("viewer", "GET", "/api/v1/market/plugins/nope", null), 404, ErrorCode.NOT_FOUND);
        refused(api.call("none", "GET", "/api/v1/market/plugins", null), 403, ErrorCode.FORBIDDEN);
    }

    @Test
    void deletesAVersionNobodySubscribesTo() throws Exception {
        refused(api.call("op", "DELETE", "/api/v1/market/plugins/disk-usage/1.0.0", null), 403, ErrorCode.FORBIDDEN);
        status(api.call("op", "POST", "/api/v1/market/subscriptions", "{\"group\":\"demo\",\"plugin\":\"disk-usage\"}"), 200);
        JsonNode conflict = status(api.call("admin", "DELETE", "/api/v1/market/plugins/disk-usage/2.0.0", null), 409);
        assertTrue(conflict.get("error").get("message").asText().contains("demo"), conflict.toString());
        assertEquals(204, api.call("admin", "DELETE", "/api/v1/market/plugins/disk-usage/1.0.0", null).statusCode());
        assertEquals(List.of("admin"), market.deletedBy);
        refused(api.call("admin", "DELETE", "/api/v1/market/plugins/disk-usage/1.0.0", null), 404, ErrorCode.NOT_FOUND);
    }

    @Test
    void theRepositoryIsReadableUnsigned() throws Exception {
        HttpResponse<String> jar = api.unsigned("GET", "/api/v1/market/plugins/disk-usage/1.0.0/bundle.jar");
        assertEquals(200, jar.statusCode(), jar.body());
        assertEquals(JAR, jar.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(market.jars.get("disk-usage@1.0.0"), jar.body().getBytes(StandardCharsets.UTF_8));
        assertEquals(200, api.unsigned("HEAD", "/api/v1/market/plugins/disk-usage/1.0.0/bundle.jar").statusCode());
        HttpResponse<String> xml = api.unsigned("GET", "/api/v1/market/repository.xml");
        assertEquals(200, xml.statusCode(), xml.body());
        assertTrue(xml.headers().firstValue("Content-Type").orElseThrow().startsWith("application/xml"));
        assertTrue(xml.body().startsWith("<repository"), xml.body());
        assertTrue(market.lastBase.matches("http://[a-z0-9.]+:[0-9]+/api/v1/market/"), market.lastBase);
        refused(api.unsigned("GET", "/api/v1/market/plugins/disk-usage/9.9.9/bundle.jar"), 404, ErrorCode.NOT_FOUND);
        // signed reads work too
        assertEquals(200, api.call("viewer", "GET", "/api/v1/market/repository.xml", null).statusCode());
        // nothing else is open
        for (String[] call : List.of(new String[] {"GET", "/api/v1/market/plugins"}, new String[] {"GET", "/api/v1/market/plugins/disk-usage"},
                new String[] {"POST", "/api/v1/market/plugins"}, new String[] {"DELETE", "/api/v1/market/plugins/disk-usage/1.0.0"},
                new String[] {"GET", "/api/v1/market/subscriptions"}, new String[] {"POST", "/api/v1/plugin"},
                new String[] {"DELETE", "/api/v1/market/plugins/disk-usage/1.0.0/bundle.jar"},
                new String[] {"POST", "/api/v1/market/repository.xml"}, new String[] {"GET", "/api/v1/market/plugins/a/b/c/bundle.jar"},
                new String[] {"GET", "/api/v1/hosts"})) {
            refused(api.unsigned(call[0], call[1]), 401, ErrorCode.UNAUTHENTICATED);
        }
        assertEquals(1, market.jars.values().stream().filter(b -> new String(b, StandardCharsets.UTF_8).startsWith("disk-usage 1")).count());
    }

    @Test
    void aPrivateRepositoryNeedsASignatureAndMarketRead() throws Exception {
        api.close();
        api = serve(false);
        refused(api.unsigned("GET", "/api/v1/market/repository.xml"), 401, ErrorCode.UNAUTHENTICATED);
        refused(api.unsigned("GET", "/api/v1/market/plugins/disk-usage/1.0.0/bundle.jar"), 401, ErrorCode.UNAUTHENTICATED);
        assertEquals(200, api.call("viewer", "GET", "/api/v1/market/plugins/disk-usage/1.0.0/bundle.jar", null).statusCode());
        assertEquals(200, api.call("viewer", "GET", "/api/v1/market/repository.xml", null).statusCode());
        refused(api.call("none", "GET", "/api/v1/market/repository.xml", null), 403, ErrorCode.FORBIDDEN);
    }

    static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
