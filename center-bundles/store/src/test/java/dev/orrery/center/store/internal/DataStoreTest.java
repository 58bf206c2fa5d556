package dev.orrery.center.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.center.store.DataStore;
import dev.orrery.center.store.DataStore.Entry;
import dev.orrery.center.store.DataStore.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The data channel on a real Derby: stored once, in order per host, paged by cursor, scoped, pruned. */
class DataStoreTest extends DerbyTestSupport {
    private final DataStore data = new DerbyDataStore(db);

    private static List<Entry> batch(String topic, String hostId, long from, int n) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Entry(0, topic, hostId, from + i, 1000 + from + i, hostId + " line " + (from + i)));
        }
        return out;
    }

    @Test
    void aBatchSentTwiceIsStoredOnceAndTheLastSequenceIsReturned() {
        assertEquals(3, data.append("d-1", batch("t-once", "d-1", 1, 3), 0, 100));
        assertEquals(5, data.append("d-1", batch("t-once", "d-1", 2, 4), 4, 200), "2 and 3 again");
        assertEquals(5, data.append("d-1", List.of(), 4, 300), "nothing new");
        assertEquals(0, data.append("d-none", List.of(), 0, 300));
        Page p = data.read("t-once", 0, 100, null);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), p.records().stream().map(Entry::seq).toList());
        assertEquals("d-1 line 4", p.records().get(3).data());
        assertEquals(1004, p.records().get(3).at());
        assertEquals(p.records().get(4).cursor(), p.next());
        assertEquals(4, data.dropped("d-1"));
        assertEquals(0, data.dropped("nobody"));
    }

    @Test
    void pagesFollowTheCursorAndTopicsAreSeparate() {
        data.append("d-2", batch("t-page", "d-2", 1, 5), 0, 100);
        data.append("d-2", batch("t-other", "d-2", 6, 2), 0, 100);
        data.append("d-3", batch("t-page", "d-3", 1, 2), 0, 100);
        Page first = data.read("t-page", 0, 4, null);
        assertEquals(4, first.records().size());
        Page second = data.read("t-page", first.next(), 4, null);
        assertEquals(List.of("d-2 line 5", "d-3 line 1", "d-3 line 2"), second.records().stream().map(Entry::data).toList());
        Page end = data.read("t-page", second.next(), 4, null);
        assertTrue(end.records().isEmpty());
        assertEquals(second.next(), end.next(), "an empty page keeps the cursor");
        assertEquals(2, data.read("t-other", 0, 10, null).records().size());
    }

    @Test
    void aScopedReaderSeesOnlyItsHostsAndSkipsTheOthers() {
        data.append("d-4", batch("t-scope", "d-4", 1, 3), 0, 100);
        data.append("d-5", batch("t-scope", "d-5", 1, 3), 0, 100);
        Page mine = data.read("t-scope", 0, 10, Set.of("d-5"));
        assertEquals(List.of("d-5", "d-5", "d-5"), mine.records().stream().map(Entry::hostId).toList());
        assertTrue(data.read("t-scope", mine.next(), 10, Set.of("d-4")).records().isEmpty(), "the cursor moved past d-4's records");
        assertTrue(data.read("t-scope", 0, 10, Set.of()).records().isEmpty());
    }

    @Test
    void recordsOlderThanTheRetentionArePruned() {
        data.append("d-6", batch("t-prune", "d-6", 1, 7), 0, 1_000);
        data.append("d-6", batch("t-prune", "d-6", 8, 2), 0, 5_000);
        assertTrue(new DataRetention(db, 3).prune(2_000) >= 7, "also the other tests' records (stored at 100-300)");
        assertEquals(List.of(8L, 9L), data.read("t-prune", 0, 10, null).records().stream().map(Entry::seq).toList());
        assertEquals(11, data.append("d-6", batch("t-prune", "d-6", 10, 2), 0, 6_000), "the host's sequence survives pruning");
    }

    @Test
    void theNewestRecordsAreFoundFromTheEnd() {
        data.append("d-7", batch("t-last", "d-7", 1, 5), 0, 100);
        data.append("d-8", batch("t-last", "d-8", 1, 2), 0, 100);
        Page last = data.last("t-last", 3, null);
        assertEquals(List.of("d-7 line 5", "d-8 line 1", "d-8 line 2"), last.records().stream().map(Entry::data).toList());
        assertEquals(last.records().get(2).cursor(), last.next());
        assertEquals(List.of("d-7 line 4", "d-7 line 5"), data.last("t-last", 2, Set.of("d-7")).records().stream().map(Entry::data).toList());
        assertEquals(last.next(), data.last("t-last", 2, Set.of("d-7")).next(), "the cursor is the topic's newest");
        assertTrue(data.read("t-last", last.next(), 10, null).records().isEmpty());
        Page none = data.last("t-empty", 3, null);
        assertTrue(none.records().isEmpty());
        assertEquals(0, none.next());
        DataStore viaDefault = new DataStore() {
            public long append(String h, List<Entry> r, long d, long n) {
                throw new UnsupportedOperationException();
            }

            public Page read(String topic, long after, int limit, java.util.Collection<String> hostIds) {
                return data.read(topic, after, limit, hostIds);
            }

            public long dropped(String h) {
                return 0;
            }
        };
        assertEquals(last, viaDefault.last("t-last", 3, null));
    }
}
