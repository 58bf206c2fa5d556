package dev.orrery.bench.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orrery.api.ApiSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A small client of the Orrery REST API over real HTTP: signs requests with
 * {@link ApiSignature} exactly as a client must, or deliberately does not. Used by the benches,
 * by the system tests, and (as a small bundle the itests build from this class) by the Pax Exam
 * tests inside the container: it must need nothing but Jackson, {@code dev.orrery.api} and the JDK.
 * Thread-safe.
 */
public final class SignedClient {
    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String basePath;
    private final String keyId;
    private final String secret;

    /** An answer: status and body. */
    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + body, e);
            }
        }
    }

    /**
     * @param base the API base URL, e.g. {@code http://127.0.0.1:8181/api/v1}
     * @param keyId the key id to sign with
     * @param secret the secret to sign with
     */
    public SignedClient(String base, String keyId, String secret) {
        this.base = base;
        this.basePath = URI.create(base).getRawPath();
        this.keyId = keyId;
        this.secret = secret;
    }

    /** @return a client signing with the key in an {@code admin-api-key.json} file */
    public static SignedClient fromKeyFile(String base, Path keyFile) throws IOException {
        JsonNode key = JSON.readTree(Files.readString(keyFile));
        return new SignedClient(base, key.path("keyId").asText(), key.path("secret").asText());
    }

    public SignedClient withKey(String otherKeyId, String otherSecret) {
        return new SignedClient(base, otherKeyId, otherSecret);
    }

    /** A correctly signed request. */
    public Answer call(String method, String path, String body) throws IOException, InterruptedException {
        return send(method, path, body, true);
    }

    /** The same request without any signature header. */
    public Answer unsigned(String method, String path, String body) throws IOException, InterruptedException {
        return send(method, path, body, false);
    }

    /** A correctly signed request with a chosen timestamp and nonce (replays, clock skew). */
    public Answer callAt(String method, String path, long timestamp, String nonce) throws IOException, InterruptedException {
        return exchange(method, path, null, Long.toString(timestamp), nonce);
    }

    /** A request carrying raw bytes as its body, signed over those bytes. */
    public Answer callRaw(String method, String path, byte[] body) throws IOException, InterruptedException {
        return exchange(method, path, body, true);
    }

    /** A signed request carrying raw bytes of the given content type (a plugin jar upload). */
    public Answer upload(String path, byte[] body, String contentType) throws IOException, InterruptedException {
        HttpRequest signed = request("POST", path, body, Long.toString(System.currentTimeMillis()), UUID.randomUUID().toString());
        HttpRequest req = HttpRequest.newBuilder(signed, (name, value) -> !name.equalsIgnoreCase("Content-Type"))
                .header("Content-Type", contentType).build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(res.statusCode(), res.body());
    }

    /**
     * An unsigned GET whose answer is bytes (a bundle download).
     *
     * @return the body, or {@code null} when the status is not 200
     */
    public byte[] download(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> res = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(90)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return res.statusCode() == 200 ? res.body() : null;
    }

    private Answer send(String method, String path, String body, boolean sign) throws IOException, InterruptedException {
        return exchange(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), sign);
    }

    private Answer exchange(String method, String path, byte[] body, boolean sign) throws IOException, InterruptedException {
        return sign ? exchange(method, path, body, Long.toString(System.currentTimeMillis()), UUID.randomUUID().toString())
                : exchange(method, path, body, null, null);
    }

    private Answer exchange(String method, String path, byte[] body, String timestamp, String nonce)
            throws IOException, InterruptedException {
        HttpResponse<String> res = http.send(request(method, path, body, timestamp, nonce),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(res.statusCode(), res.body());
    }

    private HttpRequest request(String method, String path, byte[] body, String timestamp, String nonce) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path))
                // long enough for a count over 100,000 hosts on a saturated center: a shorter timeout
                // abandons the request while the center still works on it, and polls pile up
                .timeout(Duration.ofSeconds(90))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            req.header("Content-Type", "application/json");
        }
        if (timestamp != null) {
            req.header(ApiSignature.HEADER_KEY, keyId)
                    .header(ApiSignature.HEADER_TIMESTAMP, timestamp)
                    .header(ApiSignature.HEADER_NONCE, nonce)
                    .header(ApiSignature.HEADER_SIGNATURE, ApiSignature.sign(secret, method, basePath + path, timestamp, nonce, body));
        }
        return req.build();
    }

    /** A correctly signed request, sent without waiting: many may be in flight at once. */
    public CompletableFuture<Answer> callAsync(String method, String path, String body) {
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        return http.sendAsync(request(method, path, bytes, Long.toString(System.currentTimeMillis()), UUID.randomUUID().toString()),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).thenApply(r -> new Answer(r.statusCode(), r.body()));
    }

    /** @return whether {@code GET /health} answers 200 (no signature needed) */
    public boolean healthy() {
        try {
            return send("GET", "/health", null, false).status() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
