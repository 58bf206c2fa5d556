package dev.orrery.agent.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.agent.api.CancellableContext;
import dev.orrery.agent.api.TaskHandler;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.api.HostTaskState;
import dev.orrery.protocol.Message.Result;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** HostPort, HandlerRegistry, TaskLedger, Execution and AgentSettings. */
class SmallPartsTest {
    private static final TaskHandler A = (r, c) -> TaskOutcome.succeeded("a");
    private static final TaskHandler B = (r, c) -> TaskOutcome.succeeded("b");

    @Test
    void hostPortParsesNamesAndBracketedIpv6() {
        assertEquals(Optional.of(new HostPort("chan-1.example", 7710)), HostPort.parse("chan-1.example:7710"));
        assertEquals(Optional.of(new HostPort("::1", 7710)), HostPort.parse(" [::1]:7710 "));
        assertEquals("[::1]:7710", new HostPort("::1", 7710).toString());
        for (String bad : new String[] {null, "", "host", "host:", ":80", "host:0", "host:70000", "host:x", "::1:80"}) {
            assertEquals(Optional.empty(), HostPort.parse(bad), bad);
        }
    }

    @Test
    void registryPicksByTypeAndRanking() {
        HandlerRegistry r = new HandlerRegistry();
        r.add(A, Map.of(TaskHandler.TYPE, "cmd", "service.id", 1L));
        r.add(B, Map.of(TaskHandler.TYPE, new String[] {"cmd", "file"}, "service.id", 2L, "service.ranking", 10));
        assertSame(B, r.find("cmd").orElseThrow());
        assertSame(B, r.find("file").orElseThrow());
        assertEquals(List.of("cmd", "file"), List.copyOf(r.types()));
        r.remove(B, Map.of("service.id", 2L));
        assertSame(A, r.find("cmd").orElseThrow());
        assertTrue(r.find("file").isEmpty());
        r.remove(A, Map.of());
        assertTrue(r.find("cmd").isEmpty());
    }

    @Test
    void registryPrefersTheOldestOnEqualRanking() {
        HandlerRegistry r = new HandlerRegistry();
        r.add(B, Map.of(TaskHandler.TYPE, "x", "service.id", 9L));
        r.add(A, Map.of(TaskHandler.TYPE, "x", "service.id", 3L));
        assertSame(A, r.find("x").orElseThrow());
    }

    @Test
    void ledgerAdmitsEachHostTaskOnce() {
        TaskLedger l = new TaskLedger();
        String k = TaskLedger.key("t", "h");
        CancellableContext e = Execution.of("t@h");
        assertEquals(TaskLedger.Admission.NEW, l.admit(k, e));
        assertEquals(TaskLedger.Admission.RUNNING, l.admit(k, Execution.of("t@h")));
        assertSame(e, l.cancel(k).orElseThrow());
        Result r = new Result("t", "h", HostTaskState.SUCCEEDED, 0, null, null, false, null, null, 1, 2);
        l.finish(k, r);
        assertEquals(TaskLedger.Admission.DONE, l.admit(k, Execution.of("t@h")));
        assertSame(r, l.result(k).orElseThrow());
        assertNotEqualsKey();
    }

    private static void assertNotEqualsKey() {
        assertFalse(TaskLedger.key("a", "bc").equals(TaskLedger.key("ab", "c")));
    }

    @Test
    void ledgerRemembersAnEarlyCancel() {
        TaskLedger l = new TaskLedger();
        String k = TaskLedger.key("t", "h");
        assertTrue(l.cancel(k).isEmpty());
        assertEquals(TaskLedger.Admission.CANCELLED_EARLY, l.admit(k, Execution.of("t@h")));
    }

    @Test
    void executionRunsCancelActionsOnce() {
        CancellableContext e = Execution.of("x");
        AtomicInteger n = new AtomicInteger();
        e.onCancel(n::incrementAndGet);
        e.onCancel(() -> {
            throw new IllegalStateException("ignored");
        });
        assertFalse(e.isCancelled());
        e.cancel();
        e.cancel();
        assertTrue(e.isCancelled());
        assertEquals(1, n.get());
        e.onCancel(n::incrementAndGet); // already cancelled: runs at once
        assertEquals(2, n.get());
    }

    private static final AgentSettings.Durability D = AgentSettings.Durability.defaults(Path.of("/tmp/orrery-unused"));

    @Test
    void settingsAreValidated() {
        new AgentSettings("h", 1, null, 1, 1, 1, 1, 65536, "v", D);
        assertThrows(IllegalArgumentException.class, () -> new AgentSettings(" ", 7700, "", 10, 500, 30000, 8, 65536, "v", D));
        assertThrows(IllegalArgumentException.class, () -> new AgentSettings("h", 0, "", 10, 500, 30000, 8, 65536, "v", D));
        assertThrows(IllegalArgumentException.class, () -> new AgentSettings("h", 7700, "", 0, 500, 30000, 8, 65536, "v", D));
        assertThrows(IllegalArgumentException.class, () -> new AgentSettings("h", 7700, "", 10, 500, 400, 8, 65536, "v", D));
        assertThrows(IllegalArgumentException.class, () -> new AgentSettings("h", 7700, "", 10, 500, 30000, 0, 65536, "v", D));
        assertThrows(IllegalArgumentException.class, () -> new AgentSettings("h", 7700, "", 10, 500, 30000, 8, 100, "v", D));
        assertThrows(IllegalArgumentException.class, () -> new AgentSettings("h", 7700, "", 10, 500, 30000, 8, 65536, "v", null));
        assertThrows(IllegalArgumentException.class, () -> new AgentSettings.Durability(Path.of("rel"), 24, 1, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new AgentSettings.Durability(D.dataDir(), 0, 1, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new AgentSettings.Durability(D.dataDir(), 1, 0, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new AgentSettings.Durability(D.dataDir(), 1, 1, 5, 4, 0));
        assertThrows(IllegalArgumentException.class, () -> new AgentSettings.Durability(D.dataDir(), 1, 1, 1, 1, -1));
    }
}
