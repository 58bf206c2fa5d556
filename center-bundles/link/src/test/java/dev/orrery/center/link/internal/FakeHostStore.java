package dev.orrery.center.link.internal;

import dev.orrery.center.store.HostQuery;
import dev.orrery.center.store.HostRecord;
import dev.orrery.center.store.HostStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory host store recording what the link asked of it. */
final class FakeHostStore implements HostStore {
    final Map<String, HostRecord> registered = new ConcurrentHashMap<>();
    final Map<String, String> onlineOn = new ConcurrentHashMap<>();
    final List<String> lost = new CopyOnWriteArrayList<>();

    /** When set, registrations wait for it: a slow store. */
    volatile java.util.concurrent.CountDownLatch gate;
    /** Registrations that reached the store (also those still waiting at the gate). */
    final java.util.concurrent.atomic.AtomicInteger entered = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void register(HostRecord host) {
        entered.incrementAndGet();
        java.util.concurrent.CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        registered.put(host.hostId(), host);
    }

    @Override
    public synchronized List<String> channelReport(String channelId, Collection<String> hostIds, long now) {
        List<String> arrived = new ArrayList<>();
        for (String id : hostIds) {
            if (!channelId.equals(onlineOn.put(id, channelId))) {
                arrived.add(id);
            }
        }
        new HashMap<>(onlineOn).forEach((id, ch) -> {
            if (ch.equals(channelId) && !hostIds.contains(id)) {
                onlineOn.remove(id);
            }
        });
        return arrived;
    }

    @Override
    public synchronized void channelLost(String channelId) {
        onlineOn.values().removeIf(channelId::equals);
        lost.add(channelId);
    }

    /** Status sections per host, as the link wrote them. */
    final Map<String, Map<String, String>> status = new ConcurrentHashMap<>();
    /** How many hosts each status write carried. */
    final List<Integer> statusWrites = new CopyOnWriteArrayList<>();

    @Override
    public void updateStatusAll(Map<String, Map<String, String>> sectionsByHost, long now) {
        statusWrites.add(sectionsByHost.size());
        HostStore.super.updateStatusAll(sectionsByHost, now);
    }

    @Override
    public void updateStatus(String hostId, Map<String, String> sections, long now) {
        status.computeIfAbsent(hostId, h -> new ConcurrentHashMap<>()).putAll(sections);
    }

    @Override
    public Optional<HostRecord> get(String hostId) {
        return Optional.ofNullable(registered.get(hostId));
    }

    @Override
    public List<HostRecord> find(HostQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int count(HostQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Resolution resolve(Collection<String> names, Collection<String> groups) {
        throw new UnsupportedOperationException();
    }
}
