package dev.orrery.channel.relay.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.mina.core.session.IoSession;

/**
 * The agents this channel holds: one session per hostId. A newer session for a hostId replaces
 * the older one, which is closed. Every change of the set of hostIds runs {@code onChange}.
 * Thread-safe and non-blocking, so I/O threads may call it.
 */
final class AgentSessions {
    private static final String HOST_ID = AgentSessions.class.getName() + ".hostId";

    private final ConcurrentMap<String, IoSession> byHost = new ConcurrentHashMap<>();
    private final Runnable onChange;

    /** @param onChange runs after an agent joins, leaves or is replaced; must not block */
    AgentSessions(Runnable onChange) {
        this.onChange = onChange;
    }

    /**
     * @param session an accepted session
     * @return the hostId it said Hello with, or {@code null} before its Hello
     */
    static String hostIdOf(IoSession session) {
        return (String) session.getAttribute(HOST_ID);
    }

    /**
     * Binds a session to a host, closing an older session of the same host.
     *
     * @param hostId the host the session said Hello for
     * @param session the session
     */
    void register(String hostId, IoSession session) {
        session.setAttribute(HOST_ID, hostId);
        IoSession older = byHost.put(hostId, session);
        if (older != null && older != session) {
            older.closeNow();
        }
        onChange.run();
    }

    /**
     * Forgets a session, unless a newer one has replaced it.
     *
     * @param session a closed session
     * @return {@code true} if it was the host's current session (the host is now gone)
     */
    boolean unregister(IoSession session) {
        String hostId = hostIdOf(session);
        if (hostId != null && byHost.remove(hostId, session)) {
            onChange.run();
            return true;
        }
        return false;
    }

    /** @param hostId a host @return its connected session, or {@code null} */
    IoSession find(String hostId) {
        IoSession s = byHost.get(hostId);
        return s != null && s.isConnected() && !s.isClosing() ? s : null;
    }

    /** @return the connected hostIds, sorted */
    List<String> hostIds() {
        List<String> ids = new ArrayList<>(byHost.keySet());
        Collections.sort(ids);
        return ids;
    }

    /** @return how many hosts are connected */
    int size() {
        return byHost.size();
    }
}
