package dev.orrery.agent.hostinfo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The configured identity overrides, trimmed and validated. An empty string or list means "probe it".
 *
 * @param hostId host id override, or empty
 * @param hostname host name override, or empty
 * @param ips IP overrides, or empty
 * @param sn serial number override, or empty
 * @param idc the datacenter, never blank
 * @param groups declared groups, possibly empty
 */
record Overrides(String hostId, String hostname, List<String> ips, String sn, String idc, List<String> groups) {
    private static final Pattern NO_SPACE = Pattern.compile("\\S+");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    Overrides {
        hostId = check("hostId", hostId);
        hostname = check("hostname", hostname);
        sn = check("sn", sn);
        idc = check("idc", idc);
        if (idc.isEmpty()) {
            throw new IllegalArgumentException("idc must not be empty (default: \"default\")");
        }
        ips = List.copyOf(ips);
        for (String ip : ips) {
            if (!IPV4.matcher(ip).matches() && !IPV6.matcher(ip).matches()) {
                throw new IllegalArgumentException("ips: '" + ip + "' is not an IP address literal");
            }
        }
        groups = List.copyOf(groups);
    }

    /** @return no override at all, idc {@code default} */
    static Overrides none() {
        return new Overrides("", "", List.of(), "", "default", List.of());
    }

    /**
     * @param c the typed configuration
     * @return the validated overrides
     * @throws IllegalArgumentException naming the first bad setting
     */
    static Overrides of(HostInfoConfig c) {
        return new Overrides(c.hostId(), c.hostname(), split(c.ips()), c.sn(), c.idc(), split(c.groups()));
    }

    /**
     * @param csv comma separated values, may be {@code null}
     * @return the trimmed, non-empty values in order
     */
    static List<String> split(String csv) {
        List<String> out = new ArrayList<>();
        if (csv != null) {
            for (String s : csv.split(",")) {
                String v = s.trim();
                if (!v.isEmpty()) {
                    if (!NO_SPACE.matcher(v).matches()) {
                        throw new IllegalArgumentException("'" + v + "' must not contain white space");
                    }
                    out.add(v);
                }
            }
        }
        return out;
    }

    private static String check(String name, String value) {
        String v = value == null ? "" : value.trim();
        if (!v.isEmpty() && !NO_SPACE.matcher(v).matches()) {
            throw new IllegalArgumentException(name + " must not contain white space: '" + v + "'");
        }
        return v;
    }
}
