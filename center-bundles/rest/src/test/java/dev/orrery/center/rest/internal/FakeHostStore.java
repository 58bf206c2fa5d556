package dev.orrery.center.rest.internal;

import dev.orrery.center.store.HostQuery;
import dev.orrery.center.store.HostRecord;
import dev.orrery.center.store.HostStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** In-memory hosts; records the last query. */
final class FakeHostStore implements HostStore {
    final List<HostRecord> hosts = new CopyOnWriteArrayList<>();
    volatile HostQuery lastQuery;

    @Override
    public void register(HostRecord host) {
        hosts.add(host);
    }

    @Override
    public List<String> channelReport(String channelId, Collection<String> hostIds, long now) {
        return List.of();
    }

    @Override
    public void channelLost(String channelId) {
    }

    /** Status sections per host. */
    final java.util.Map<String, java.util.Map<String, String>> status = new java.util.concurrent.ConcurrentHashMap<>();
    /** Owner and expectations per host (groups and labels live in the records). */
    final java.util.Map<String, dev.orrery.center.store.HostInventory> inventories = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void updateStatus(String hostId, java.util.Map<String, String> sections, long now) {
        status.computeIfAbsent(hostId, h -> new java.util.concurrent.ConcurrentHashMap<>()).putAll(sections);
    }

    @Override
    public java.util.Map<String, String> status(String hostId) {
        return status.getOrDefault(hostId, java.util.Map.of());
    }

    @Override
    public boolean setInventory(String hostId, dev.orrery.center.store.HostInventory inv) {
        Optional<HostRecord> h = get(hostId);
        if (h.isEmpty()) {
            return false;
        }
        HostRecord r = h.get();
        hosts.remove(r);
        hosts.add(new HostRecord(r.hostId(), r.hostname(), r.ips(), r.sn(), r.idc(), r.channel(), r.status(),
                inv.groups() == null ? r.groups() : inv.groups(), inv.labels() == null ? r.labels() : inv.labels(), r.lastSeen()));
        inventories.put(hostId, inv);
        return true;
    }

    @Override
    public Optional<dev.orrery.center.store.HostInventory> inventory(String hostId) {
        return get(hostId).map(r -> {
            dev.orrery.center.store.HostInventory i = inventories.get(hostId);
            return new dev.orrery.center.store.HostInventory(i == null ? null : i.owner(), r.groups(), r.labels(),
                    i == null ? null : i.expectedSn(), i == null ? null : i.expectedIp());
        });
    }

    @Override
    public Optional<HostRecord> get(String hostId) {
        return hosts.stream().filter(h -> h.hostId().equals(hostId)).findFirst();
    }

    @Override
    public List<HostRecord> find(HostQuery query) {
        lastQuery = query;
        return matching(query).stream().skip(query.offset()).limit(query.limit()).toList();
    }

    @Override
    public int count(HostQuery query) {
        return matching(query).size();
    }

    @Override
    public Resolution resolve(Collection<String> names, Collection<String> groups) {
        List<String> ids = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            Optional<HostRecord> h = hosts.stream().filter(r -> r.hostId().equals(name) || name.equals(r.hostname())
                    || r.ips().contains(name) || name.equals(r.sn())).findFirst();
            h.ifPresentOrElse(r -> ids.add(r.hostId()), () -> unknown.add(name));
        }
        for (String group : groups) {
            List<String> members = hosts.stream().filter(r -> r.groups().contains(group)).map(HostRecord::hostId).toList();
            if (members.isEmpty()) {
                unknown.add(group);
            }
            ids.addAll(members);
        }
        return new Resolution(ids.stream().distinct().toList(), unknown);
    }

    private List<HostRecord> matching(HostQuery q) {
        return hosts.stream()
                .filter(h -> q.status() == null || q.status() == h.status())
                .filter(h -> q.group() == null || h.groups().contains(q.group()))
                .filter(h -> q.text() == null || h.hostId().contains(q.text()) || (h.hostname() != null && h.hostname().contains(q.text())))
                .sorted(Comparator.comparing(HostRecord::hostId))
                .toList();
    }
}
