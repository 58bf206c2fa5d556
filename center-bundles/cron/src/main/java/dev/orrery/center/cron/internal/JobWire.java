package dev.orrery.center.cron.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orrery.center.store.CronJobRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one definition of a host's job set on the wire: the body of a {@code cron} sync task,
 * {@code {"digest","jobs":[…]}}, and its digest, the SHA-256 (lowercase hex) of the canonical JSON
 * of {@code jobs} (jobs ordered by id, object keys sorted, no blanks). The agent keeps the digest it
 * was sent and reports it in its status section {@code cron}, so only this class canonicalises.
 */
final class JobWire {
    static final ObjectMapper MAPPER = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** A host's set: its digest and the sync body. */
    record HostSet(String digest, byte[] body) {
    }

    private JobWire() {
    }

    /**
     * @param jobs the live jobs of one host, in any order
     * @return the digest and the sync body
     */
    static HostSet of(List<CronJobRecord> jobs) {
        List<Map<String, Object>> canonical = jobs.stream().sorted(Comparator.comparing(CronJobRecord::cronId)).map(JobWire::job).toList();
        try {
            String digest = sha256(MAPPER.writeValueAsBytes(canonical));
            Map<String, Object> body = new TreeMap<>();
            body.put("digest", digest);
            body.put("jobs", canonical);
            return new HostSet(digest, MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a job set", e);
        }
    }

    /** The digest of an empty set. */
    static String emptyDigest() {
        return of(List.of()).digest();
    }

    private static Map<String, Object> job(CronJobRecord j) {
        Map<String, Object> m = new TreeMap<>();
        m.put("cronId", j.cronId());
        m.put("version", j.version());
        m.put("schedule", j.schedule());
        m.put("timezone", j.timezone());
        m.put("spread", j.spread());
        m.put("kind", j.kind());
        Map<String, Object> spec = spec(j.spec());
        switch (j.kind()) {
            case "cmd" -> m.put("command", spec.get("command"));
            case "store" -> m.put("store", spec);
            default -> m.put("plugin", spec);
        }
        if (j.runAs() != null && !j.runAs().isBlank()) {
            m.put("runAs", j.runAs());
        }
        m.put("timeoutSeconds", j.timeoutSeconds());
        return m;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(String json) {
        try {
            Object v = MAPPER.readValue(json, Object.class);
            return v instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * @param statusJson a host's status section {@code cron}
     * @return its digest and job count, or {@code null} if unreadable
     */
    static Reported reported(String statusJson) {
        try {
            var node = MAPPER.readTree(statusJson);
            return node == null || !node.isObject() ? null : new Reported(node.path("digest").asText(""), node.path("jobs").asInt(0));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * What a host reports.
     *
     * @param digest the digest of the set it holds ({@code ""} before its first sync)
     * @param jobs how many jobs it holds
     */
    record Reported(String digest, int jobs) {
        /** @return whether it holds the set with this digest ({@code jobs} 0 matches the empty set) */
        boolean holds(String want, boolean wantEmpty) {
            return want.equals(digest) || (wantEmpty && jobs == 0);
        }
    }
}
