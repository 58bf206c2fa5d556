package dev.orrery.agent.hostinfo.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How probed addresses are ordered and filtered on machines with many interfaces: addresses in an
 * {@code exclude} block are dropped (docker bridges, storage networks), then those in the first
 * {@code prefer} block come first, then those in the second, ..., then the rest in probe order (the
 * address of the default route first). Blocks are CIDR ({@code 10.0.0.0/8}, {@code fd00::/8}) or
 * single addresses. Never applied to configured {@code ips}. Immutable.
 *
 * @param prefer blocks in order of preference
 * @param exclude blocks to drop
 */
record IpOrder(List<String> prefer, List<String> exclude) {
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    IpOrder {
        prefer = List.copyOf(prefer);
        exclude = List.copyOf(exclude);
        for (String b : prefer) {
            check("ipPrefer", b);
        }
        for (String b : exclude) {
            check("ipExclude", b);
        }
    }

    /** @return no preference, nothing excluded */
    static IpOrder none() {
        return new IpOrder(List.of(), List.of());
    }

    /**
     * @param probed addresses in probe order
     * @return the addresses left, in preference order (may be empty)
     */
    List<String> apply(List<String> probed) {
        List<String> kept = new ArrayList<>();
        for (String ip : probed) {
            if (exclude.stream().noneMatch(b -> contains(b, ip))) {
                kept.add(ip);
            }
        }
        List<String> out = new ArrayList<>();
        for (String b : prefer) {
            for (String ip : kept) {
                if (!out.contains(ip) && contains(b, ip)) {
                    out.add(ip);
                }
            }
        }
        kept.stream().filter(ip -> !out.contains(ip)).forEach(out::add);
        return out;
    }

    /**
     * @param block a CIDR block or one address
     * @param ip an address literal
     * @return whether the address is in the block (families must match)
     */
    static boolean contains(String block, String ip) {
        int slash = block.indexOf('/');
        byte[] net = bytes(slash < 0 ? block : block.substring(0, slash));
        byte[] addr = bytes(ip);
        if (net == null || addr == null || net.length != addr.length) {
            return false;
        }
        int bits = slash < 0 ? net.length * 8 : Integer.parseInt(block.substring(slash + 1));
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((net[i / 8] & mask) != (addr[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static void check(String setting, String block) {
        int slash = block.indexOf('/');
        byte[] net = bytes(slash < 0 ? block : block.substring(0, slash));
        boolean ok = net != null;
        if (ok && slash >= 0) {
            try {
                int bits = Integer.parseInt(block.substring(slash + 1));
                ok = bits >= 0 && bits <= net.length * 8;
            } catch (NumberFormatException e) {
                ok = false;
            }
        }
        if (!ok) {
            throw new IllegalArgumentException(setting + ": '" + block + "' is not an IP address or CIDR block");
        }
    }

    /** @return the address bytes of a literal (never a DNS lookup), or {@code null} */
    private static byte[] bytes(String literal) {
        if (!LITERAL.matcher(literal).matches() || !(literal.contains(":") || literal.chars().filter(c -> c == '.').count() == 3)) {
            return null;
        }
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException | RuntimeException e) {
            return null;
        }
    }
}
