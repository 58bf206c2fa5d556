package dev.orrery.agent.hostinfo.internal;

import dev.orrery.agent.api.HostIdentity;
import dev.orrery.agent.api.StatusSource;
import java.util.function.LongSupplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code hostinfo} status section: {@link HostReport#stableJson()}, gathered again at most
 * every {@code probeSeconds} (PID {@code dev.orrery.agent.hostinfo}). The agent core sends it after
 * each connection and whenever its text changes; the center shows it under {@code "hostinfo"}
 * in {@code GET /hosts/{id}}.
 */
@Component(service = StatusSource.class, property = StatusSource.SECTION + "=hostinfo",
        configurationPid = HostInfoConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class HostInfoStatus implements StatusSource {
    private final HostIdentity identity;
    private final Inventory inventory;
    private final long probeMillis;
    private final LongSupplier clock;
    private String cached;
    private long probedAt;

    /**
     * @param config the probe interval
     * @param identity this host
     * @throws IllegalArgumentException for a probe interval under 1 s
     */
    @Activate
    public HostInfoStatus(HostInfoConfig config, @Reference(name = "identity") HostIdentity identity) {
        this(identity, Inventory.system(), config.probeSeconds(), System::currentTimeMillis);
    }

    /**
     * @param identity this host
     * @param inventory the sources
     * @param probeSeconds the shortest time between two probes, at least 1
     * @param clock epoch ms
     */
    HostInfoStatus(HostIdentity identity, Inventory inventory, int probeSeconds, LongSupplier clock) {
        if (probeSeconds < 1) {
            throw new IllegalArgumentException("probeSeconds must be at least 1: " + probeSeconds);
        }
        this.identity = identity;
        this.inventory = inventory;
        this.probeMillis = probeSeconds * 1000L;
        this.clock = clock;
    }

    @Override
    public synchronized String json() {
        long now = clock.getAsLong();
        if (cached == null || now - probedAt >= probeMillis) {
            cached = HostReport.probe(identity, inventory).stableJson();
            probedAt = now;
        }
        return cached;
    }
}
