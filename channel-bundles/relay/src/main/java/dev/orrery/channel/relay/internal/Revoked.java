package dev.orrery.channel.relay.internal;

import dev.orrery.protocol.Message;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents the center revoked: their sessions are closed and their Hellos refused. The center sends
 * the whole list when the uplink connects and every change afterwards.
 */
final class Revoked {
    private static final Logger LOG = LoggerFactory.getLogger(Revoked.class);
    private final Set<String> hostIds = ConcurrentHashMap.newKeySet();

    boolean contains(String hostId) {
        return hostIds.contains(hostId);
    }

    void apply(Message.Revocations r, AgentSessions agents) {
        if (r.full()) {
            hostIds.retainAll(Set.copyOf(r.revoked()));
        }
        hostIds.removeAll(r.restored());
        hostIds.addAll(r.revoked());
        for (String h : r.revoked()) {
            IoSession s = agents.find(h);
            if (s != null) {
                LOG.warn("Agent {} is revoked; closing its session", h);
                s.closeNow();
            }
        }
    }
}
