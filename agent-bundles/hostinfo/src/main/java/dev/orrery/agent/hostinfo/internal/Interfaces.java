package dev.orrery.agent.hostinfo.internal;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Lists this machine's addresses from its network interfaces. */
final class Interfaces {
    /** TEST-NET-1 (RFC 5737): only used to ask the kernel for a route; nothing is ever sent to it. */
    private static final InetSocketAddress ROUTE_PROBE = new InetSocketAddress("192.0.2.1", 9);

    private Interfaces() {
    }

    /**
     * @return the global and site-local addresses of every interface that is up, loopback and
     *     link-local excluded, IPv4 before IPv6; the address of the default route first
     */
    static List<String> upAddresses() {
        List<InetAddress> found = new ArrayList<>();
        try {
            NetworkInterface.networkInterfaces()
                    .filter(Interfaces::usable)
                    .sorted(Comparator.comparingInt(NetworkInterface::getIndex))
                    .forEach(nif -> nif.inetAddresses()
                            .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress())
                            .forEach(found::add));
        } catch (IOException e) {
            return List.of();
        }
        found.sort(Comparator.comparingInt(a -> a instanceof Inet4Address ? 0 : 1));
        InetAddress primary = routedAddress();
        if (primary != null && found.remove(primary)) {
            found.add(0, primary);
        }
        return found.stream().map(Interfaces::literal).distinct().toList();
    }

    private static boolean usable(NetworkInterface nif) {
        try {
            return nif.isUp() && !nif.isLoopback();
        } catch (IOException e) {
            return false;
        }
    }

    /** The source address the kernel picks for outbound traffic: connecting UDP sends no packet. */
    private static InetAddress routedAddress() {
        try (DatagramSocket s = new DatagramSocket()) {
            s.connect(ROUTE_PROBE);
            InetAddress local = s.getLocalAddress();
            return local == null || local.isAnyLocalAddress() ? null : local;
        } catch (IOException | RuntimeException e) {
            return null; // no default route
        }
    }

    private static String literal(InetAddress a) {
        String s = a.getHostAddress();
        int scope = s.indexOf('%');
        return scope < 0 ? s : s.substring(0, scope);
    }
}
