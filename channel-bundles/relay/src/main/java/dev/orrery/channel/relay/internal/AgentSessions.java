package dev.orrery.channel.relay.internal;

import dev.orrery.protocol.Message.Redirect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.mina.core.session.IoSession;

/**
 * The agents this channel holds: one session per hostId. A newer session for a hostId replaces
 * the older one, which is closed. Every change of the set of hostIds runs {@code onChange}.
 * Thread-safe and non-blocking, so I/O threads may call it.
 */
final class AgentSessions {
    private static final String HOST_ID = AgentSessions.class.getName() + ".hostId";
    private static final String LEAVING = AgentSessions.class.getName() + ".leaving";

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

    /** @param hostId a host @return its connected session, or {@code null} (also once it was redirected) */
    IoSession find(String hostId) {
        IoSession s = byHost.get(hostId);
        return s != null && s.isConnected() && !s.isClosing() && s.getAttribute(LEAVING) == null ? s : null;
    }

    /**
     * Writes a message to a host's session unless it was redirected. Atomic with respect to
     * {@link #redirectIfIdle}: a task is either written before the agent is asked to leave (and
     * then the agent is not idle and is not asked), or not written at all.
     *
     * @param hostId the host
     * @param write what to do with its session (queue writes only, never block)
     * @return {@code false} if the host has no session here, or is leaving
     */
    boolean withSession(String hostId, Consumer<IoSession> write) {
        IoSession s = find(hostId);
        if (s == null) {
            return false;
        }
        synchronized (s) {
            if (s.getAttribute(LEAVING) != null) {
                return false;
            }
            write.accept(s);
            return true;
        }
    }

    /**
     * Sends a host a {@link Redirect} if it has nothing in flight, and from then on delivers
     * nothing more to it (tasks for it are undeliverable here: the center re-routes them once the
     * agent is on its new channel).
     *
     * @param hostId the host
     * @param idle tells whether a host has nothing in flight
     * @param redirect the redirect to send
     * @return the session asked to leave, or {@code null} if the host is gone, busy or already leaving
     */
    IoSession redirectIfIdle(String hostId, Predicate<String> idle, Redirect redirect) {
        IoSession s = find(hostId);
        if (s == null) {
            return null;
        }
        synchronized (s) {
            if (s.getAttribute(LEAVING) != null || !idle.test(hostId)) {
                return null;
            }
            s.setAttribute(LEAVING, Boolean.TRUE);
            s.write(redirect);
            return s;
        }
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
