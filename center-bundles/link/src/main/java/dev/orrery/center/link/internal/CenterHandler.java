package dev.orrery.center.link.internal;

import dev.orrery.center.store.HostStore;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.OrreryProtocol;
import dev.orrery.tls.PeerRole;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles every session on the center's port. An agent sends {@code Register} and gets a
 * {@code Welcome} before the center closes the session; a channel sends {@code Hello}, then
 * {@code Report}s, acks, results, agents' status reports and data records for as long as it
 * stays. Store I/O never runs on an I/O thread: registrations go to a bounded queue and are
 * recorded in batches, one transaction per batch (when the queue is full, the agent is
 * disconnected at once and retries after its jittered backoff), status reports and records to
 * {@link AgentReports}, presence changes to one serial
 * executor so that a channel's reports and its loss are recorded in order. Agents are offered
 * only healthy channels (connected, reported recently).
 */
final class CenterHandler extends IoHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(CenterHandler.class);
    private static final String CHANNEL_ID = "orrery.channelId";
    private static final String REPORTED = "orrery.reported";

    private final HostStore store;
    private final ChannelRegistry registry;
    private final Listeners listeners;
    private final Registrations registrations;
    private final Executor presence;
    private final AgentReports reports;
    /** The center's task-signing public key, told to every agent in its welcome; empty if none. */
    private final Supplier<byte[]> taskKey;
    /** TLS identity checks and enrollment; {@code null} on a plain-text link. */
    private final LinkSecurity security;
    private final Executor enrolling;

    CenterHandler(HostStore store, ChannelRegistry registry, Listeners listeners, Executor presence, Registrations registrations,
            AgentReports reports, Supplier<byte[]> taskKey, LinkSecurity security, Executor enrolling) {
        this.security = security;
        this.enrolling = enrolling;
        this.taskKey = taskKey;
        this.store = store;
        this.registry = registry;
        this.listeners = listeners;
        this.registrations = registrations;
        this.reports = reports;
        this.presence = presence;
    }

    @Override
    public void messageReceived(IoSession session, Object message) {
        String channelId = (String) session.getAttribute(CHANNEL_ID);
        if (message instanceof Message.Heartbeat) {
            return;
        }
        if (channelId == null) {
            if (message instanceof Message.Register r) {
                if (refusedBySecurity(session, PeerRole.AGENT, r.hostId())) {
                    return;
                }
                if (taskKey.get() == null) {
                    LOG.debug("Registration of {} refused: the task-signing key is not available yet", r.hostId());
                    session.closeNow(); // the agent retries after its backoff
                    return;
                }
                if (!registrations.offer(session, r)) {
                    session.closeNow();
                }
            } else if (message instanceof Message.Hello h && h.role() == Message.Role.CHANNEL) {
                if (refusedBySecurity(session, PeerRole.CHANNEL, h.id())) {
                    return;
                }
                hello(session, h);
                if (security != null) {
                    session.write(security.fullList());
                }
            } else if (message instanceof Message.Enroll e && security != null) {
                submit(session, enrolling, () -> {
                    if (!session.isConnected()) {
                        return; // the agent gave up waiting: no certificate for nobody
                    }
                    session.write(security.enroll(e));
                    session.closeOnFlush();
                });
            } else {
                refuse(session, "expected Register or a channel Hello first, got " + message.getClass().getSimpleName());
            }
            return;
        }
        if (message instanceof Message.Report r) {
            submit(session, presence, () -> report(session, channelId, r));
        } else if (message instanceof Message.Ack a) {
            listeners.fire("ack", l -> l.onAck(channelId, a));
        } else if (message instanceof Message.Result r) {
            listeners.fire("result", l -> l.onResult(channelId, r));
        } else if (message instanceof Message.Status s) {
            reports.status(s);
        } else if (message instanceof Message.Records r) {
            reports.records(session, r);
        } else {
            refuse(session, "unexpected " + message.getClass().getSimpleName() + " from channel " + channelId);
        }
    }

    @Override
    public void sessionIdle(IoSession session, IdleStatus status) {
        if (status == IdleStatus.READER_IDLE) {
            LOG.info("Closing silent session {} from {} (channel {})", session.getId(), session.getRemoteAddress(),
                    session.getAttribute(CHANNEL_ID));
            session.closeNow();
        } else if (status == IdleStatus.WRITER_IDLE && session.getAttribute(CHANNEL_ID) != null) {
            session.write(new Message.Heartbeat(System.currentTimeMillis()));
        }
    }

    @Override
    public void sessionClosed(IoSession session) {
        String channelId = (String) session.getAttribute(CHANNEL_ID);
        // A session replaced by a newer one of the same channel must not mark the channel's hosts offline.
        if (channelId != null && registry.disconnect(channelId, session)) {
            LOG.info("Channel {} disconnected", channelId);
            submit(session, presence, () -> {
                try {
                    store.channelLost(channelId);
                } catch (RuntimeException e) {
                    LOG.warn("Could not record the loss of channel {}: {}", channelId, e.getMessage());
                }
                listeners.fire("channel lost", l -> l.onChannelLost(channelId));
            });
        }
    }

    @Override
    public void exceptionCaught(IoSession session, Throwable cause) {
        // The protocol's guard filter closes a session on a violation; closing again is harmless
        // and keeps this handler safe whatever the order of the filters.
        if (!OrreryProtocol.isProtocolViolation(cause)) {
            LOG.debug("Session {} failed: {}", session.getId(), cause.toString());
        }
        session.closeNow();
    }

    private boolean refusedBySecurity(IoSession session, PeerRole role, String id) {
        return security != null && security.refused(session, role, id);
    }

    private void hello(IoSession session, Message.Hello h) {
        session.setAttribute(CHANNEL_ID, h.id());
        registry.connect(h, session, System.currentTimeMillis()).ifPresent(old -> {
            LOG.info("Channel {} reconnected; closing its previous session {}", h.id(), old.getId());
            old.closeNow();
        });
        LOG.info("Channel {} connected from {} (idc {}, agents reach it at {})", h.id(), session.getRemoteAddress(), h.idc(),
                h.address());
    }

    /** Stops taking registrations and reports, recording those queued for a few seconds. */
    void close() {
        registrations.close();
        reports.close();
    }

    private void report(IoSession session, String channelId, Message.Report r) {
        if (!r.channelId().equals(channelId)) {
            LOG.warn("Channel {} sent a report naming {}; using {}", channelId, r.channelId(), channelId);
        }
        long now = System.currentTimeMillis();
        try {
            List<String> arrived = store.channelReport(channelId, r.hostIds(), now);
            registry.reported(channelId, session, r.hostIds(), r.running(), now);
            // On a new connection every reported host counts as arrived: work may have waited for it.
            List<String> online = session.setAttributeIfAbsent(REPORTED, Boolean.TRUE) == null ? r.hostIds() : arrived;
            if (!online.isEmpty()) {
                listeners.fire("hosts online", l -> l.onHostsOnline(channelId, List.copyOf(online)));
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not record the report of channel {}: {}", channelId, e.getMessage());
        }
    }

    private static void submit(IoSession session, Executor executor, Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException e) {
            LOG.warn("Center busy or stopping; closing session {}", session.getId());
            session.closeNow();
        }
    }

    private static void refuse(IoSession session, String why) {
        LOG.warn("Closing session {} from {}: {}", session.getId(), session.getRemoteAddress(), why);
        session.closeNow();
    }
}
