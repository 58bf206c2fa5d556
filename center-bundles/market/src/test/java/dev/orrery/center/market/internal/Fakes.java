package dev.orrery.center.market.internal;

import dev.orrery.api.HostStatus;
import dev.orrery.center.store.HostQuery;
import dev.orrery.center.store.HostRecord;
import dev.orrery.center.store.HostStore;
import dev.orrery.center.store.MarketStore;
import dev.orrery.center.store.PluginRecord;
import dev.orrery.center.store.SubscriptionRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory market and host stores for the marketplace tests. */
final class Fakes {
    private Fakes() {
    }

    static final class Market implements MarketStore {
        final Map<String, PluginRecord> plugins = new ConcurrentHashMap<>();
        final Map<String, byte[]> jars = new ConcurrentHashMap<>();
        final Map<String, SubscriptionRecord> subs = new ConcurrentHashMap<>();

        @Override
        public void add(PluginRecord p, byte[] jar) {
            if (plugins.putIfAbsent(p.name() + " " + p.version(), p) != null) {
                throw new IllegalStateException("exists");
            }
            jars.put(p.name() + " " + p.version(), jar);
        }

        @Override
        public List<PluginRecord> plugins() {
            return plugins.values().stream().sorted(Comparator.comparing(PluginRecord::name).thenComparing(PluginRecord::uploadedAt)).toList();
        }

        @Override
        public Optional<PluginRecord> plugin(String name, String version) {
            return Optional.ofNullable(plugins.get(name + " " + version));
        }

        @Override
        public Optional<byte[]> jar(String name, String version) {
            return Optional.ofNullable(jars.get(name + " " + version));
        }

        @Override
        public boolean remove(String name, String version) {
            jars.remove(name + " " + version);
            return plugins.remove(name + " " + version) != null;
        }

        @Override
        public void subscribe(SubscriptionRecord s) {
            subs.put(s.group() + " " + s.plugin(), s);
        }

        @Override
        public boolean unsubscribe(String group, String plugin) {
            return subs.remove(group + " " + plugin) != null;
        }

        @Override
        public List<SubscriptionRecord> subscriptions() {
            return subs.values().stream().sorted(Comparator.comparing(SubscriptionRecord::group).thenComparing(SubscriptionRecord::plugin))
                    .toList();
        }

        @Override
        public boolean rollout(String group, String plugin, String state, String reason, long now) {
            SubscriptionRecord s = subs.get(group + " " + plugin);
            if (s == null) {
                return false;
            }
            subs.put(group + " " + plugin, new SubscriptionRecord(group, plugin, s.version(), s.batchSize(), s.maxFailures(), state, reason,
                    s.updatedBy(), now));
            return true;
        }

        SubscriptionRecord sub(String group, String plugin) {
            return subs.get(group + " " + plugin);
        }
    }

    static final class Hosts implements HostStore {
        final Map<String, HostRecord> hosts = new ConcurrentHashMap<>();
        final Map<String, String> plugins = new ConcurrentHashMap<>();

        void add(String id, boolean online, String... groups) {
            hosts.put(id, new HostRecord(id, id, List.of(), "", "idc", online ? "ch-1" : null, online ? HostStatus.ONLINE : HostStatus.OFFLINE,
                    List.of(groups), Map.of(), 1));
        }

        /** Sets the host's plugins section to these name/version pairs. */
        void runs(String id, String... nameVersion) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < nameVersion.length; i += 2) {
                b.append(i == 0 ? "" : ",").append("{\"name\":\"").append(nameVersion[i]).append("\",\"version\":\"").append(nameVersion[i + 1])
                        .append("\",\"kind\":\"script\",\"state\":\"ACTIVE\"}");
            }
            plugins.put(id, b.append(']').toString());
        }

        @Override
        public void register(HostRecord host) {
            hosts.put(host.hostId(), host);
        }

        @Override
        public List<String> channelReport(String channelId, Collection<String> hostIds, long now) {
            return List.of();
        }

        @Override
        public void channelLost(String channelId) {
        }

        @Override
        public Optional<HostRecord> get(String hostId) {
            return Optional.ofNullable(hosts.get(hostId));
        }

        @Override
        public List<HostRecord> find(HostQuery q) {
            return hosts.values().stream().filter(h -> q.status() == null || h.status() == q.status())
                    .sorted(Comparator.comparing(HostRecord::hostId)).skip(q.offset()).limit(q.limit()).toList();
        }

        @Override
        public int count(HostQuery query) {
            return find(query).size();
        }

        @Override
        public Resolution resolve(Collection<String> names, Collection<String> groups) {
            List<String> ids = new ArrayList<>();
            hosts.values().stream().filter(h -> h.groups().stream().anyMatch(groups::contains)).map(HostRecord::hostId).sorted().forEach(ids::add);
            return new Resolution(ids, List.of());
        }

        @Override
        public Map<String, String> statusSection(String section, Collection<String> hostIds) {
            Map<String, String> out = new HashMap<>();
            hostIds.forEach(h -> {
                if ("plugins".equals(section) && plugins.containsKey(h)) {
                    out.put(h, plugins.get(h));
                }
            });
            return out;
        }
    }
}
