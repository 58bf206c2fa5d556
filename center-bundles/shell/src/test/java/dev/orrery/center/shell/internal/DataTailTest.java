package dev.orrery.center.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orrery.center.store.DataStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** orrery:data-tail's loop: the newest records first, then new ones per poll, until Ctrl-C. */
class DataTailTest {
    /** Records in memory; cursor = position + 1. */
    static final class Records implements DataStore {
        final List<Entry> entries = new CopyOnWriteArrayList<>();

        void add(String hostId, long seq, String data) {
            entries.add(new Entry(entries.size() + 1, "t", hostId, seq, 1_000L * seq, data));
        }

        @Override
        public long append(String hostId, List<Entry> records, long dropped, long now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page read(String topic, long after, int limit, Collection<String> hostIds) {
            List<Entry> out = new ArrayList<>();
            for (Entry e : entries) {
                if (e.cursor() > after && e.topic().equals(topic) && out.size() < limit) {
                    out.add(e);
                }
            }
            return new Page(out, out.isEmpty() ? after : out.get(out.size() - 1).cursor());
        }

        @Override
        public long dropped(String hostId) {
            return 0;
        }
    }

    private final Records data = new Records();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private List<String> lines() {
        String s = bytes.toString(StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }

    @Test
    void printsTheNewestThenWhatArrivesWhileFollowing() throws Exception {
        for (int i = 1; i <= 5; i++) {
            data.add("h-1", i, "line " + i);
        }
        List<Long> sleeps = new ArrayList<>();
        DataTail tail = new DataTail(data, ms -> {
            sleeps.add(ms);
            data.add("h-2", 10 + sleeps.size(), "new " + sleeps.size());
        }, 500);
        assertEquals(4, tail.follow("t", 2, false, out, 3));
        assertEquals(List.of("h-1 4 1970-01-01T00:00:04Z line 4", "h-1 5 1970-01-01T00:00:05Z line 5",
                "h-2 11 1970-01-01T00:00:11Z new 1", "h-2 12 1970-01-01T00:00:12Z new 2"), lines());
        assertEquals(List.of(500L, 500L), sleeps);
    }

    @Test
    void fromTheStartPrintsEverything() throws Exception {
        for (int i = 1; i <= 3; i++) {
            data.add("h-1", i, "x" + i);
        }
        assertEquals(3, new DataTail(data, ms -> { }, 500).follow("t", 0, true, out, 1));
        assertEquals(3, lines().size());
    }

    @Test
    void ctrlCStopsFollowing() {
        DataTail tail = new DataTail(data, ms -> {
            throw new InterruptedException();
        }, 500);
        assertThrows(InterruptedException.class, () -> tail.follow("t", 10, false, out, Long.MAX_VALUE));
    }
}
