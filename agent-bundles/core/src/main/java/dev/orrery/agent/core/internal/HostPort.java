package dev.orrery.agent.core.internal;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * An address as {@code host:port} or {@code [ipv6]:port}.
 *
 * @param host host name or literal, without brackets
 * @param port 1..65535
 */
record HostPort(String host, int port) {

    /**
     * @param text the address text
     * @return the address, or empty if malformed
     */
    static Optional<HostPort> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            return Optional.empty();
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            return Optional.empty(); // bare IPv6 needs brackets
        }
        try {
            int port = Integer.parseInt(s.substring(colon + 1));
            return host.isEmpty() || port < 1 || port > 65535 ? Optional.empty() : Optional.of(new HostPort(host, port));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** @return a resolved socket address (may look the name up) */
    InetSocketAddress resolve() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
