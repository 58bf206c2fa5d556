package dev.orrery.channel.relay.internal;

import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.Heartbeat;
import dev.orrery.protocol.Message.Hello;
import dev.orrery.protocol.Message.Role;
import dev.orrery.protocol.OrreryProtocol;
import dev.orrery.tls.PeerIdentity;
import dev.orrery.tls.PeerRole;
import java.io.IOException;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the sessions of agents on the channel's port. A session must first say
 * {@code Hello(AGENT, hostId)}; anything else first closes it. Afterwards heartbeats are
 * answered, acks, results, status reports and data records go to the {@link Relay} (which drops
 * those a session sends for another host), and anything else closes the session.
 * A session that stays silent past its reader idle time (three heartbeats) is closed. New
 * sessions are admitted at a bounded rate ({@link Admission}): a Hello over the rate is answered
 * by closing the session at once.
 * Runs on MINA's I/O threads and never blocks.
 */
final class AgentHandler extends IoHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(AgentHandler.class);

    private final AgentSessions agents;
    private final Relay relay;
    private final Admission admission;
    private final boolean tls;
    private final Revoked revoked;

    /**
     * @param agents the connected agents
     * @param relay where acks and results go
     * @param admission bounds the rate of new agent sessions
     */
    AgentHandler(AgentSessions agents, Relay relay, Admission admission) {
        this(agents, relay, admission, false, new Revoked());
    }

    /**
     * @param agents the connected agents
     * @param relay where acks and results go
     * @param admission bounds the rate of new agent sessions
     * @param tls whether sessions are mutual TLS: then a Hello must name the agent of the client certificate
     * @param revoked agents refused whatever their certificate
     */
    AgentHandler(AgentSessions agents, Relay relay, Admission admission, boolean tls, Revoked revoked) {
        this.tls = tls;
        this.revoked = revoked;
        this.agents = agents;
        this.relay = relay;
        this.admission = admission;
    }

    @Override
    public void messageReceived(IoSession session, Object message) {
        Message m = (Message) message;
        String hostId = AgentSessions.hostIdOf(session);
        if (hostId == null) {
            if (m instanceof Hello h && h.role() == Role.AGENT) {
                hello(session, h);
            } else {
                refuse(session, "first message must be Hello from an agent, was " + describe(m));
            }
        } else if (m instanceof Heartbeat) {
            session.write(new Heartbeat(System.currentTimeMillis()));
        } else if (Relay.claimedHost(m) != null) {
            relay.fromAgent(hostId, m); // the relay drops what the session speaks for another host
        } else {
            refuse(session, "unexpected " + describe(m) + " from agent " + hostId);
        }
    }

    @Override
    public void sessionIdle(IoSession session, IdleStatus status) {
        LOG.info("Closing silent session {} of agent {} from {}", session.getId(), AgentSessions.hostIdOf(session),
                session.getRemoteAddress());
        session.closeNow();
    }

    @Override
    public void sessionClosed(IoSession session) {
        if (agents.unregister(session)) {
            String hostId = AgentSessions.hostIdOf(session);
            LOG.info("Agent {} disconnected", hostId);
            relay.agentGone(hostId);
        }
    }

    @Override
    public void exceptionCaught(IoSession session, Throwable cause) {
        if (OrreryProtocol.isProtocolViolation(cause)) {
            return; // the protocol guard has logged it and closed the session
        }
        if (cause instanceof IOException) {
            LOG.debug("I/O error on agent session {}: {}", session.getId(), cause.toString());
        } else {
            LOG.warn("Closing agent session {} after an unexpected error", session.getId(), cause);
        }
        session.closeNow();
    }

    private void hello(IoSession session, Hello h) {
        if (!admission.tryAdmit()) {
            // over the admission rate: no work at all, the agent retries after its jittered backoff
            LOG.debug("Refusing agent {} from {}: admission rate reached", h.id(), session.getRemoteAddress());
            session.closeNow();
            return;
        }
        String why = refusal(session, h.id());
        if (why != null) {
            refuse(session, why);
            return;
        }
        LOG.info("Agent {} connected from {} (idc {}, version {})", h.id(), session.getRemoteAddress(), h.idc(), h.version());
        agents.register(h.id(), session);
    }

    private String refusal(IoSession session, String hostId) {
        if (revoked.contains(hostId)) {
            return "agent " + hostId + " is revoked";
        }
        if (!tls) {
            return null;
        }
        PeerIdentity peer = PeerIdentity.of(session).orElse(null);
        if (peer == null || peer.role() != PeerRole.AGENT || !peer.id().equals(hostId)) {
            return "Hello as " + hostId + " does not match the certificate of " + (peer == null ? "nobody" : peer.id());
        }
        return null;
    }

    private static void refuse(IoSession session, String why) {
        LOG.warn("Closing session {} from {}: {}", session.getId(), session.getRemoteAddress(), why);
        session.closeNow();
    }

    private static String describe(Message m) {
        return m instanceof Hello h ? "Hello(" + h.role() + ")" : m.type().name();
    }
}
