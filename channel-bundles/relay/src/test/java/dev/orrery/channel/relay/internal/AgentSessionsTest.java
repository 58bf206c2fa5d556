package dev.orrery.channel.relay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.mina.core.session.DummySession;
import org.junit.jupiter.api.Test;

class AgentSessionsTest {
    private final AtomicInteger changes = new AtomicInteger();
    private final AgentSessions sessions = new AgentSessions(changes::incrementAndGet);

    @Test
    void registersFindsAndListsSortedHosts() {
        DummySession b = new DummySession();
        DummySession a = new DummySession();
        sessions.register("b", b);
        sessions.register("a", a);
        assertEquals(List.of("a", "b"), sessions.hostIds());
        assertSame(a, sessions.find("a"));
        assertNull(sessions.find("c"));
        assertEquals("a", AgentSessions.hostIdOf(a));
        assertNull(AgentSessions.hostIdOf(new DummySession()));
        assertEquals(2, changes.get());
    }

    @Test
    void aNewerSessionReplacesAndClosesTheOlder() {
        DummySession older = new DummySession();
        DummySession newer = new DummySession();
        sessions.register("a", older);
        sessions.register("a", newer);
        assertTrue(older.isClosing() || !older.isConnected(), "older session closed");
        assertSame(newer, sessions.find("a"));
        // the older session's close must not remove the newer one
        assertFalse(sessions.unregister(older));
        assertSame(newer, sessions.find("a"));
        assertTrue(sessions.unregister(newer));
        assertEquals(List.of(), sessions.hostIds());
        assertEquals(0, sessions.size());
    }

    @Test
    void sessionsWithoutHelloAreNotTracked() {
        assertFalse(sessions.unregister(new DummySession()));
        assertEquals(0, changes.get());
    }

    @Test
    void aClosingSessionIsNotOfferedForDelivery() {
        DummySession s = new DummySession();
        sessions.register("a", s);
        s.closeNow();
        assertNull(sessions.find("a"));
    }
}
