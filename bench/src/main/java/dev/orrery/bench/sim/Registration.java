package dev.orrery.bench.sim;

import dev.orrery.protocol.Message.Register;
import dev.orrery.protocol.Message.Welcome;
import java.util.List;
import org.apache.mina.core.session.IoSession;

/**
 * One registration of one simulated agent, as the real agent's registrar does it: connect to the
 * center, send {@link Register}, wait for the {@link Welcome} (at most 15 s), close. Exactly one
 * outcome reaches the agent: the welcome, or a failure.
 */
final class Registration {
    private final SimAgent agent;
    private IoSession session;
    private boolean done;

    Registration(SimAgent agent) {
        this.agent = agent;
    }

    synchronized void opened(IoSession s, String group, String idc) {
        session = s;
        if (done) {
            s.closeNow(); // timed out while connecting
            return;
        }
        String ip = agent.local.getAddress().getHostAddress();
        s.write(new Register("", agent.hostId, agent.hostId, List.of(ip), agent.hostId, idc, List.of(group), SimConfig.VERSION));
    }

    void received(IoSession s, Object message) {
        s.closeNow();
        if (finish()) {
            if (message instanceof Welcome w) {
                agent.welcomed(w);
            } else {
                agent.registrationFailed();
            }
        }
    }

    /** The session ended, the connect failed, or the time ran out: a failure unless already welcomed. */
    void failed() {
        IoSession s;
        synchronized (this) {
            s = session;
        }
        if (s != null) {
            s.closeNow();
        }
        if (finish()) {
            agent.registrationFailed();
        }
    }

    private synchronized boolean finish() {
        if (done) {
            return false;
        }
        done = true;
        return true;
    }
}
