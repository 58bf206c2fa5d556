package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.center.store.HostInventory;
import dev.orrery.center.store.HostRecord;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The view of one host ({@code GET /hosts/{id}}): the listing's fields, then the inventory
 * ({@code owner}, {@code expected} SN and IP, and {@code mismatch} where the agent reports
 * otherwise), {@code primaryIp} (the agent's, else the listing's), and every status section
 * under its name as JSON ({@code hostinfo}, {@code agent}, {@code cron}, …).
 */
final class HostDetails {
    private HostDetails() {
    }

    /**
     * @param h the host
     * @param sections its status sections, name → JSON text
     * @param inventory its inventory, {@code null} if none
     * @return the view
     */
    static Map<String, Object> view(HostRecord h, Map<String, String> sections, HostInventory inventory) {
        Map<String, Object> m = Views.host(h);
        Map<String, JsonNode> parsed = new LinkedHashMap<>();
        sections.forEach((name, text) -> parsed.put(name, parse(text)));
        JsonNode hostinfo = parsed.get("hostinfo");
        JsonNode agent = parsed.get("agent");
        m.put("primaryIp", firstText(h.primaryIp(), hostinfo, agent));
        String owner = inventory == null ? null : inventory.owner();
        String sn = inventory == null ? null : inventory.expectedSn();
        String ip = inventory == null ? null : inventory.expectedIp();
        m.put("owner", owner);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("sn", sn);
        expected.put("ip", ip);
        m.put("expected", expected);
        Map<String, Object> mismatch = new LinkedHashMap<>();
        String reportedSn = hostinfo != null && hostinfo.path("sn").isTextual() ? hostinfo.path("sn").asText() : h.sn();
        mismatch.put("sn", sn != null && !Objects.equals(sn, reportedSn));
        mismatch.put("ip", ip != null && !reportedIps(h, hostinfo).contains(ip));
        m.put("mismatch", mismatch);
        parsed.forEach((name, json) -> {
            if (!m.containsKey(name)) {
                m.put(name, json);
            }
        });
        return m;
    }

    /** @return every address the host reports: at registration and in its hostinfo */
    static Set<String> reportedIps(HostRecord h, JsonNode hostinfo) {
        Set<String> ips = new LinkedHashSet<>(h.ips());
        if (hostinfo != null) {
            for (String field : new String[] {"ips", "ip", "primaryIp"}) {
                JsonNode v = hostinfo.path(field);
                if (v.isTextual()) {
                    ips.add(v.asText());
                }
                v.forEach(e -> ips.add(e.isTextual() ? e.asText() : e.path("ip").asText(e.path("address").asText())));
            }
        }
        return ips;
    }

    private static String firstText(String fallback, JsonNode hostinfo, JsonNode agent) {
        for (JsonNode n : new JsonNode[] {agent, hostinfo}) {
            if (n != null && n.path("primaryIp").isTextual() && !n.path("primaryIp").asText().isEmpty()) {
                return n.path("primaryIp").asText();
            }
        }
        return fallback;
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode n = Json.MAPPER.readTree(text);
            return n == null ? Json.MAPPER.getNodeFactory().nullNode() : n;
        } catch (IOException e) {
            return Json.MAPPER.getNodeFactory().textNode(text); // not JSON: shown as the text it is
        }
    }
}
