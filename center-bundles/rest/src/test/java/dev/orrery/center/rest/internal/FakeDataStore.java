package dev.orrery.center.rest.internal;

import dev.orrery.center.store.DataStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Data channel records in memory: cursor = position + 1. */
final class FakeDataStore implements DataStore {
    final List<Entry> entries = new CopyOnWriteArrayList<>();

    void add(String topic, String hostId, long seq, String data) {
        entries.add(new Entry(entries.size() + 1, topic, hostId, seq, 1000 + seq, data));
    }

    @Override
    public long append(String hostId, List<Entry> records, long dropped, long now) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page read(String topic, long after, int limit, Collection<String> hostIds) {
        List<Entry> out = new ArrayList<>();
        long next = after;
        for (Entry e : entries) {
            if (e.cursor() > after && e.topic().equals(topic) && out.size() < limit) {
                next = e.cursor();
                if (hostIds == null || hostIds.contains(e.hostId())) {
                    out.add(e);
                }
            }
        }
        return new Page(out, next);
    }

    @Override
    public long dropped(String hostId) {
        return 0;
    }
}
