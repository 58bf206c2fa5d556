package dev.orrery.channel.relay.internal;

import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.Ack;
import dev.orrery.protocol.Message.AckKind;
import dev.orrery.protocol.Message.Cancel;
import dev.orrery.protocol.Message.Heartbeat;
import dev.orrery.protocol.Message.Records;
import dev.orrery.protocol.Message.RecordsAck;
import dev.orrery.protocol.Message.Result;
import dev.orrery.protocol.Message.Status;
import dev.orrery.protocol.Message.Shed;
import dev.orrery.protocol.Message.Task;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.mina.core.future.WriteFuture;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves messages between the center and the agents. Tasks and cancels go down to the target
 * host's session, or are answered with {@link AckKind#UNDELIVERABLE}; acks, results, status
 * reports and data records go up unchanged; the center's {@link AckKind#STORED} and
 * {@link AckKind#QUEUED} acks and its {@link RecordsAck}s go down. Never blocks: it only queues writes,
 * so MINA's I/O threads call it directly.
 */
final class Relay {
    private static final Logger LOG = LoggerFactory.getLogger(Relay.class);

    private final AgentSessions agents;
    private final InFlight inFlight;
    private final Predicate<Message> toCenter;
    private final Consumer<Shed> onShed;

    /**
     * @param agents the connected agents
     * @param inFlight host tasks delivered and not finished
     * @param toCenter queues a message to the center; {@code false} if the uplink is down
     * @param onShed receives the center's {@link Shed} requests, on an I/O thread; must not block
     */
    Relay(AgentSessions agents, InFlight inFlight, Predicate<Message> toCenter, Consumer<Shed> onShed) {
        this.agents = agents;
        this.inFlight = inFlight;
        this.toCenter = toCenter;
        this.onShed = onShed;
    }

    /** Like {@link #Relay(AgentSessions, InFlight, Predicate, Consumer)}, ignoring {@link Shed}s. */
    Relay(AgentSessions agents, InFlight inFlight, Predicate<Message> toCenter) {
        this(agents, inFlight, toCenter, s -> LOG.debug("Ignoring a shed request: {}", s));
    }

    /** @param m a message from the center */
    void fromCenter(Message m) {
        if (m instanceof Task t) {
            down(t.taskId(), t.hostId(), t);
        } else if (m instanceof Cancel c) {
            down(c.taskId(), c.hostId(), c);
        } else if (m instanceof Ack a && (a.kind() == AckKind.STORED || a.kind() == AckKind.QUEUED)) {
            // without a session: the agent keeps the result in its outbox and resends it; it will be acked then
            toAgent(a.hostId(), a);
        } else if (m instanceof RecordsAck a) {
            // without a session: the agent keeps the records in its spool and uploads them again
            toAgent(a.hostId(), a);
        } else if (m instanceof Shed s) {
            onShed.accept(s);
        } else if (!(m instanceof Heartbeat)) {
            LOG.debug("Ignoring {} from the center", m.type());
        }
    }

    /**
     * @param hostId the host the sending session said Hello for
     * @param m an {@link Ack}, {@link Result}, {@link Status} or {@link Records} from that agent
     */
    void fromAgent(String hostId, Message m) {
        String claimed = claimedHost(m);
        if (!hostId.equals(claimed)) {
            LOG.warn("Dropping {} for host {} sent by the session of host {}", m.type(), claimed, hostId);
            return;
        }
        if (m instanceof Result r) {
            inFlight.ended(hostId, r.taskId());
        }
        if (!toCenter.test(m)) {
            // not lost: the agent resends results until the center acks them STORED
            LOG.debug("Uplink down; dropping {} from host {}", m.type(), hostId);
        }
    }

    /** @return the host an agent message speaks for, {@code null} for a message agents do not send up */
    static String claimedHost(Message m) {
        if (m instanceof Ack a) {
            return a.hostId();
        } else if (m instanceof Result r) {
            return r.hostId();
        } else if (m instanceof Status s) {
            return s.hostId();
        } else if (m instanceof Records r) {
            return r.hostId();
        }
        return null;
    }

    private void toAgent(String hostId, Message m) {
        IoSession s = agents.find(hostId);
        if (s == null) {
            LOG.debug("No session for host {}; dropping {}", hostId, m.type());
        } else {
            s.write(m);
        }
    }

    /** @param hostId a host whose agent left */
    void agentGone(String hostId) {
        inFlight.forget(hostId);
    }

    private void down(String taskId, String hostId, Message m) {
        boolean isTask = m instanceof Task;
        boolean queued = agents.withSession(hostId, s -> {
            if (isTask) {
                inFlight.started(hostId, taskId);
            }
            s.write(m).addListener(f -> {
                if (!((WriteFuture) f).isWritten()) {
                    if (isTask) {
                        inFlight.ended(hostId, taskId);
                    }
                    undeliverable(taskId, hostId);
                }
            });
        });
        if (!queued) {
            undeliverable(taskId, hostId);
        }
    }

    private void undeliverable(String taskId, String hostId) {
        LOG.debug("No session for host {}; task {} undeliverable", hostId, taskId);
        toCenter.test(new Ack(taskId, hostId, AckKind.UNDELIVERABLE));
    }
}
