package dev.orrery.agent.hostinfo.internal;

import dev.orrery.agent.api.HostIdentity;
import java.util.List;

/**
 * An immutable identity snapshot.
 *
 * @param hostId the stable host id
 * @param hostname the host name
 * @param ips addresses, primary first, never empty
 * @param sn serial number
 * @param idc datacenter
 * @param groups declared groups
 */
record Identity(String hostId, String hostname, List<String> ips, String sn, String idc, List<String> groups)
        implements HostIdentity {
    Identity {
        ips = List.copyOf(ips);
        groups = List.copyOf(groups);
    }

    /**
     * Applies the overrides over what the probe finds. The host id defaults to the host name,
     * or to the serial number where the host name is generic ({@code localhost…}).
     *
     * @param o the configured overrides
     * @param probe the machine
     * @return the resolved identity
     */
    static Identity resolve(Overrides o, HostProbe probe) {
        return resolve(o, IpOrder.none(), probe);
    }

    /**
     * @param o the configured overrides
     * @param order the preference and exclusion applied to probed addresses
     * @param probe the machine
     * @return the resolved identity
     */
    static Identity resolve(Overrides o, IpOrder order, HostProbe probe) {
        String hostname = o.hostname().isEmpty() ? probe.hostname() : o.hostname();
        List<String> ordered = order.apply(probe.ips());
        List<String> ips = !o.ips().isEmpty() ? o.ips() : ordered.isEmpty() ? List.of("127.0.0.1") : ordered;
        String sn = o.sn().isEmpty() ? probe.sn(hostname) : o.sn();
        String hostId = !o.hostId().isEmpty() ? o.hostId() : HostProbe.isGeneric(hostname) ? sn : hostname;
        return new Identity(hostId, hostname, ips, sn, o.idc(), o.groups());
    }
}
