package dev.orrery.center.market.internal.rollout;

import dev.orrery.center.store.HostStore;
import dev.orrery.center.store.MarketStore;
import dev.orrery.center.store.SubscriptionRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Desired against actual at one moment: every subscription, the hosts of the subscribed groups,
 * what each of them should run (per plugin the highest version its groups subscribe to), which
 * are online, and what they report in their status section {@code plugins} (hosts without that
 * section have no plugin capability, or have not reported yet).
 */
public final class Snapshot {
    private final List<SubscriptionRecord> subscriptions;
    private final Map<String, List<String>> groupHosts = new HashMap<>();
    private final Map<String, Set<String>> hostGroups = new HashMap<>();
    private final Map<String, Map<String, String>> desired = new HashMap<>();
    private final Set<String> online;
    private final Map<String, Map<String, PluginsSection.Reported>> reported = new HashMap<>();

    private Snapshot(List<SubscriptionRecord> subscriptions, HostStore hosts) {
        this.subscriptions = subscriptions;
        for (SubscriptionRecord s : subscriptions) {
            List<String> members = groupHosts.computeIfAbsent(s.group(),
                    g -> new TreeSet<>(hosts.resolve(List.of(), List.of(g)).hostIds()).stream().toList());
            for (String h : members) {
                hostGroups.computeIfAbsent(h, k -> new TreeSet<>()).add(s.group());
                desired.computeIfAbsent(h, k -> new HashMap<>()).merge(s.plugin(), s.version(), Versions::max);
            }
        }
        this.online = new LinkedHashSet<>(hosts.onlineChannels(hostGroups.keySet()).keySet());
        read(hosts, hostGroups.keySet());
    }

    /**
     * @param market the subscriptions
     * @param hosts group members, presence and status sections
     * @return the snapshot
     */
    public static Snapshot take(MarketStore market, HostStore hosts) {
        return new Snapshot(market.subscriptions(), hosts);
    }

    /** Reads the {@code plugins} sections of more hosts (outside the subscribed groups). */
    void read(HostStore hosts, Collection<String> hostIds) {
        List<String> todo = new ArrayList<>();
        hostIds.forEach(h -> {
            if (!reported.containsKey(h)) {
                todo.add(h);
            }
        });
        if (!todo.isEmpty()) {
            hosts.statusSection("plugins", todo).forEach((h, json) -> reported.put(h, PluginsSection.parse(json)));
        }
    }

    /** @return every subscription, by group then plugin */
    public List<SubscriptionRecord> subscriptions() {
        return subscriptions;
    }

    /** @return the hosts of a subscribed group, by host id */
    public List<String> hosts(String group) {
        return groupHosts.getOrDefault(group, List.of());
    }

    /** @return the subscribed groups a host belongs to */
    public Set<String> groups(String hostId) {
        return hostGroups.getOrDefault(hostId, Set.of());
    }

    /** @return plugin → version this host should run */
    public Map<String, String> desired(String hostId) {
        return desired.getOrDefault(hostId, Map.of());
    }

    Map<String, Map<String, String>> desired() {
        return desired;
    }

    /** @return whether a host of a subscribed group is online */
    public boolean online(String hostId) {
        return online.contains(hostId);
    }

    /** @return whether the host reports a {@code plugins} section (has the plugin capability) */
    public boolean capable(String hostId) {
        return reported.containsKey(hostId);
    }

    /** @return plugin → what the host reports; empty without a section */
    public Map<String, PluginsSection.Reported> reported(String hostId) {
        return reported.getOrDefault(hostId, Map.of());
    }

    /** @return the hosts whose section was read and names at least one plugin */
    Set<String> carriers() {
        Set<String> out = new TreeSet<>();
        reported.forEach((h, r) -> {
            if (!r.isEmpty()) {
                out.add(h);
            }
        });
        return out;
    }
}
