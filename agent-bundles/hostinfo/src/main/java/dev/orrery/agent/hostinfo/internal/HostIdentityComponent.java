package dev.orrery.agent.hostinfo.internal;

import dev.orrery.agent.api.HostIdentity;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides this host's {@link HostIdentity}: probed from the operating system once at activation,
 * with the overrides of PID {@code dev.orrery.agent.hostinfo} applied. A configuration change
 * re-creates the component, so consumers (the agent core) re-register with the new identity.
 */
@Component(service = HostIdentity.class, configurationPid = HostInfoConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = HostInfoConfig.class)
public final class HostIdentityComponent implements HostIdentity {
    private static final Logger LOG = LoggerFactory.getLogger(HostIdentityComponent.class);

    private final Identity identity;

    /**
     * @param config the overrides
     * @throws IllegalArgumentException for an invalid setting, naming it
     */
    @Activate
    public HostIdentityComponent(HostInfoConfig config) {
        this.identity = Identity.resolve(Overrides.of(config), order(config), HostProbe.system());
        LOG.info("Host identity: hostId={} hostname={} ips={} sn={} idc={} groups={}", identity.hostId(),
                identity.hostname(), identity.ips(), identity.sn(), identity.idc(), identity.groups());
    }

    /**
     * @param config the configuration
     * @return its validated IP preference and exclusion
     */
    static IpOrder order(HostInfoConfig config) {
        return new IpOrder(Overrides.split(config.ipPrefer()), Overrides.split(config.ipExclude()));
    }

    @Override
    public String hostId() {
        return identity.hostId();
    }

    @Override
    public String hostname() {
        return identity.hostname();
    }

    @Override
    public List<String> ips() {
        return identity.ips();
    }

    @Override
    public String sn() {
        return identity.sn();
    }

    @Override
    public String idc() {
        return identity.idc();
    }

    @Override
    public List<String> groups() {
        return identity.groups();
    }
}
