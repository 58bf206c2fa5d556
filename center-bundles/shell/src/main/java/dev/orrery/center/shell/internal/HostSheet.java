package dev.orrery.center.shell.internal;

import dev.orrery.center.store.HostInventory;
import dev.orrery.center.store.HostRecord;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One host as {@code orrery:host} prints it: identity, inventory with its mismatches, then every
 * status section the agent reported ({@code hostinfo}, {@code agent}, …) as its JSON text.
 */
final class HostSheet {
    private HostSheet() {
    }

    /**
     * @param h the host
     * @param inventory its inventory, {@code null} if none
     * @param sections its status sections
     * @param out where to print
     */
    static void print(HostRecord h, HostInventory inventory, Map<String, String> sections, PrintStream out) {
        row(out, "hostId", h.hostId());
        row(out, "hostname", h.hostname());
        row(out, "ips", String.join(", ", h.ips()));
        row(out, "sn", h.sn());
        row(out, "idc", h.idc());
        row(out, "status", h.status() == null ? null : h.status().name() + (h.channel() == null ? "" : " on " + h.channel()));
        row(out, "lastSeen", h.lastSeen() > 0 ? Instant.ofEpochMilli(h.lastSeen()).toString() : null);
        row(out, "groups", String.join(", ", h.groups()));
        row(out, "labels", h.labels().isEmpty() ? null : new TreeMap<>(h.labels()).toString());
        if (inventory != null) {
            row(out, "owner", inventory.owner());
            row(out, "expected sn", inventory.expectedSn());
            row(out, "expected ip", inventory.expectedIp());
        }
        String mismatch = mismatch(h, inventory, sections.get("hostinfo"));
        row(out, "mismatch", mismatch.isEmpty() ? "none" : mismatch);
        new TreeMap<>(sections).forEach((name, json) -> row(out, name, json));
    }

    /**
     * @return {@code "sn"}, {@code "ip"}, {@code "sn, ip"} or empty: where an expectation is set and
     *     the host reports otherwise (its registration, or an address quoted in its hostinfo)
     */
    static String mismatch(HostRecord h, HostInventory inventory, String hostinfo) {
        if (inventory == null) {
            return "";
        }
        boolean sn = inventory.expectedSn() != null && !Objects.equals(inventory.expectedSn(), h.sn());
        String ip = inventory.expectedIp();
        boolean ipOff = ip != null && !h.ips().contains(ip) && (hostinfo == null || !hostinfo.contains("\"" + ip + "\""));
        return sn && ipOff ? "sn, ip" : sn ? "sn" : ipOff ? "ip" : "";
    }

    private static void row(PrintStream out, String name, String value) {
        out.printf("%-12s %s%n", name, value == null || value.isEmpty() ? "-" : value);
    }
}
