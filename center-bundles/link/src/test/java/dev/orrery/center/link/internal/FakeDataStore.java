package dev.orrery.center.link.internal;

import dev.orrery.center.store.DataStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory data store: keeps records past each host's last sequence; can be made to fail. */
final class FakeDataStore implements DataStore {
    final List<Entry> entries = new CopyOnWriteArrayList<>();
    final Map<String, Long> last = new ConcurrentHashMap<>();
    final Map<String, Long> dropped = new ConcurrentHashMap<>();
    volatile boolean failing;

    @Override
    public synchronized long append(String hostId, List<Entry> records, long droppedSoFar, long now) {
        if (failing) {
            throw new IllegalStateException("store down");
        }
        long seq = last.getOrDefault(hostId, 0L);
        for (Entry e : records) {
            if (e.seq() > seq) {
                entries.add(e);
                seq = e.seq();
            }
        }
        last.put(hostId, seq);
        dropped.put(hostId, droppedSoFar);
        return seq;
    }

    @Override
    public Page read(String topic, long after, int limit, Collection<String> hostIds) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long dropped(String hostId) {
        return dropped.getOrDefault(hostId, 0L);
    }
}
