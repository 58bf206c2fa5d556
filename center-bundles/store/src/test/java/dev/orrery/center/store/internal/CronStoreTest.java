package dev.orrery.center.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.center.store.CronJobRecord;
import dev.orrery.center.store.CronStore;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CronStoreTest extends DerbyTestSupport {

    private static CronJobRecord job(String id, long createdAt, List<String> hosts) {
        return new CronJobRecord(id, "ops", hosts, List.of("web"), "0 * * * * *", "Europe/Paris", true, "cmd",
                "{\"command\":\"uptime\"}", "nobody", 30, 1, createdAt, 0);
    }

    @Test
    void createsListsAndDeletesKeepingDeletedJobs() {
        CronStore store = new DerbyCronStore(db);
        String a = "ca" + SEQ.incrementAndGet();
        String b = "cb" + SEQ.incrementAndGet();
        List<String> many = IntStream.range(0, 2000).mapToObj(i -> "host-" + i).toList();
        store.create(job(a, 10, List.of("h-1", "h-2")));
        store.create(job(b, 20, many));
        CronJobRecord got = store.get(a).orElseThrow();
        assertEquals(job(a, 10, List.of("h-1", "h-2")), got);
        assertEquals(many, store.get(b).orElseThrow().hostIds());
        assertThrows(IllegalStateException.class, () -> store.create(job(a, 30, List.of())));

        assertTrue(store.delete(a, 99));
        assertFalse(store.delete(a, 100));
        assertFalse(store.delete("nope", 100));
        assertEquals(99, store.get(a).orElseThrow().deletedAt());
        assertFalse(store.get(a).orElseThrow().live());
        assertTrue(store.list(false).stream().noneMatch(j -> j.cronId().equals(a)));
        List<String> all = store.list(true).stream().map(CronJobRecord::cronId).filter(id -> id.equals(a) || id.equals(b)).toList();
        assertEquals(List.of(a, b), all);
    }

    @Test
    void emptyListsAndNullsRoundTrip() {
        CronStore store = new DerbyCronStore(db);
        String id = "ce" + SEQ.incrementAndGet();
        store.create(new CronJobRecord(id, null, List.of(), null, "* * * * * *", null, false, "store", null, null, 0, 1, 5, 0));
        CronJobRecord got = store.get(id).orElseThrow();
        assertEquals(List.of(), got.hostIds());
        assertEquals(List.of(), got.groups());
        assertEquals("UTC", got.timezone());
        assertEquals("{}", got.spec());
        assertEquals(null, got.runAs());
    }
}
