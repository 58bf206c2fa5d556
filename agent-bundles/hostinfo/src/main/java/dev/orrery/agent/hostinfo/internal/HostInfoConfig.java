package dev.orrery.agent.hostinfo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of PID {@code dev.orrery.agent.hostinfo}: overrides of the identity this agent
 * reports. Every field left empty is probed from the operating system; overriding is how several
 * agents share one machine.
 */
@ObjectClassDefinition(name = "Orrery agent host identity",
        description = "Who this host is, as reported to the center. Empty values are probed from the operating system.")
public @interface HostInfoConfig {

    /** The PID of this configuration. */
    String PID = "dev.orrery.agent.hostinfo";

    @AttributeDefinition(name = "Host id", required = false,
            description = "Stable id, unique in the fleet. Empty: the host name, or the serial number where the host name "
                    + "is generic (localhost).")
    String hostId() default "";

    @AttributeDefinition(name = "Host name", required = false, description = "Empty: the kernel's host name.")
    String hostname() default "";

    @AttributeDefinition(name = "IP addresses", required = false,
            description = "Comma separated IP literals, primary first. Empty: the addresses of the interfaces that are up, "
                    + "loopback excluded (127.0.0.1 if there is none).")
    String ips() default "";

    @AttributeDefinition(name = "Preferred IP blocks", required = false,
            description = "Comma separated CIDR blocks or addresses, in order of preference: probed addresses in the first "
                    + "come first, and so on (machines with many interfaces). Not applied to configured IP addresses.")
    String ipPrefer() default "";

    @AttributeDefinition(name = "Excluded IP blocks", required = false,
            description = "Comma separated CIDR blocks or addresses never reported when probing, e.g. 172.17.0.0/16 (docker).")
    String ipExclude() default "";

    @AttributeDefinition(name = "Serial number", required = false,
            description = "Empty: /sys/class/dmi/id/product_serial, else /etc/machine-id, else the host name.")
    String sn() default "";

    @AttributeDefinition(name = "Datacenter", description = "The IDC this host is in.")
    String idc() default "default";

    @AttributeDefinition(name = "Groups", required = false, description = "Comma separated host groups declared at registration.")
    String groups() default "";

    @AttributeDefinition(name = "Probe interval (seconds)", min = "1",
            description = "The inventory (CPU, memory, disks, OS, ...) is gathered again at most this often for the "
                    + "'hostinfo' status section.")
    int probeSeconds() default 60;
}
