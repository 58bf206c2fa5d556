package dev.orrery.agent.api;

import java.util.List;

/**
 * Who this host is, as reported to the center at registration. Provided by the hostinfo
 * capability; values may be overridden in configuration so several agents can share a machine.
 * Implementations are immutable snapshots or thread-safe.
 */
public interface HostIdentity {
    /** @return the stable host id, unique in the fleet */
    String hostId();

    /** @return the host name */
    String hostname();

    /** @return every IP address, primary first; never empty */
    List<String> ips();

    /** @return the serial number (DMI, falling back to machine-id) */
    String sn();

    /** @return the datacenter */
    String idc();

    /** @return host groups the agent declares at registration */
    List<String> groups();
}
