package dev.orrery.plugin.portcheck.internal;

import java.util.regex.Pattern;

/**
 * One {@code HOST:PORT} argument: a host name, an IPv4 address or an IPv6 address in brackets
 * ({@code [::1]:22}), and a port from 1 to 65535.
 *
 * @param text the argument as given (what the output lines start with)
 * @param host the host, without brackets
 * @param port the port
 */
record Target(String text, String host, int port) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9._-]{0,252})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}(%[A-Za-z0-9_.-]{1,32})?");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    /**
     * @param arg {@code HOST:PORT}
     * @return the target
     * @throws IllegalArgumentException with a message for the user when the argument is not valid
     */
    static Target parse(String arg) {
        int colon = arg.lastIndexOf(':');
        if (colon <= 0 || colon == arg.length() - 1) {
            throw new IllegalArgumentException("not HOST:PORT: '" + printable(arg) + "'");
        }
        String host = arg.substring(0, colon);
        String port = arg.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]") && host.length() > 2) {
            host = host.substring(1, host.length() - 1);
            if (!IPV6.matcher(host).matches()) {
                throw new IllegalArgumentException("not an IPv6 address: '" + printable(arg) + "'");
            }
        } else if (!NAME.matcher(host).matches()) {
            throw new IllegalArgumentException("not a host name or address: '" + printable(arg)
                    + "' (IPv6 addresses go in brackets: [::1]:22)");
        }
        if (!PORT.matcher(port).matches() || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535) {
            throw new IllegalArgumentException("port out of range in '" + printable(arg) + "' (1 to 65535)");
        }
        return new Target(arg, host, Integer.parseInt(port));
    }

    /** Keeps control characters and great lengths of a bad argument out of the output. */
    static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
