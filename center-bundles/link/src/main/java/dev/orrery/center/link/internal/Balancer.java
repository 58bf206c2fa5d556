package dev.orrery.center.link.internal;

import dev.orrery.protocol.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic balancing round: reads the healthy channels' latest reports from the
 * {@link ChannelRegistry}, plans with {@link Balance}, and sends the sheds, except where the
 * cluster (or, for a give-back, the channel) is still settling after an earlier shed. Runs on
 * one scheduler thread (it may read host datacenters from the store), never on an I/O thread.
 */
final class Balancer {
    private static final Logger LOG = LoggerFactory.getLogger(Balancer.class);

    private final ChannelRegistry registry;
    private final HostIdcs idcs;
    private final BiPredicate<String, Message> send;
    private final long staleMillis;
    private final long cooldownMillis;
    private final double tolerance;
    private final Map<String, Long> settlingUntil = new HashMap<>(); // round thread only

    /**
     * @param registry the channels and their reports
     * @param idcs the hosts' datacenters
     * @param send queues a message to a channel; {@code false} if it is gone
     * @param settings stale age, tolerance and cooldown
     */
    Balancer(ChannelRegistry registry, HostIdcs idcs, BiPredicate<String, Message> send, LinkSettings settings) {
        this.registry = registry;
        this.idcs = idcs;
        this.send = send;
        this.staleMillis = settings.channelStaleSeconds() * 1000L;
        this.cooldownMillis = settings.shedCooldownSeconds() * 1000L;
        this.tolerance = settings.tolerancePercent() / 100.0;
    }

    /** Runs one round and logs instead of throwing (a throw would end the periodic schedule). */
    void runSafely() {
        try {
            round(System.currentTimeMillis());
        } catch (RuntimeException e) {
            LOG.warn("Balancing round failed", e);
        }
    }

    /**
     * @param now epoch ms
     * @return the orders sent in this round
     */
    List<Balance.Order> round(long now) {
        List<Balance.Load> healthy = registry.healthy(now, staleMillis);
        List<String> reported = new ArrayList<>();
        healthy.forEach(l -> reported.addAll(l.hostIds()));
        idcs.learn(reported);
        settlingUntil.values().removeIf(until -> until <= now);
        List<Balance.Order> sent = new ArrayList<>();
        for (Balance.Order o : Balance.plan(healthy, idcs::idcOf, tolerance)) {
            if (!settlingUntil.containsKey(key(o)) && send.test(o.channelId(), o.shed())) {
                LOG.info("Asked channel {} to shed {} agents to {}: {}", o.channelId(), o.shed().count(),
                        o.shed().targets().stream().distinct().toList(), o.shed().reason());
                sent.add(o);
            }
        }
        // after the loop: every donor of a cluster goes in the same round, then the cluster settles
        sent.forEach(o -> settlingUntil.put(key(o), now + cooldownMillis));
        return sent;
    }

    private static String key(Balance.Order o) {
        return o.giveBack() ? "channel " + o.channelId() : "idc " + o.idc();
    }
}
