package dev.orrery.bench.sim;

import dev.orrery.protocol.Message;
import dev.orrery.tls.Pem;
import dev.orrery.tls.TlsContexts;
import dev.orrery.tls.TlsIdentity;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import org.apache.mina.core.session.IoSession;

/**
 * One enrollment of one simulated agent: a TLS session to the center trusting only its CA, the
 * token and the agent's P-256 public key out (made once per agent, not per attempt), the certificate back. Exactly one outcome reaches the
 * agent: its client context, or a failure.
 */
final class Enrolling {
    private final SimAgent agent;
    private final SimTls tls;
    private KeyPair keys;
    private boolean done;

    Enrolling(SimAgent agent, SimTls tls) {
        this.agent = agent;
        this.tls = tls;
    }

    void opened(IoSession s) {
        keys = agent.keys();
        s.write(new Message.Enroll(Message.Role.AGENT, agent.hostId, tls.token(), keys.getPublic().getEncoded()));
    }

    void received(IoSession s, Object message) {
        s.closeNow();
        if (!finish()) {
            return;
        }
        if (message instanceof Message.Enrolled e) {
            try {
                TlsIdentity id = new TlsIdentity(keys.getPrivate(), Pem.certificate(e.certificate()), tls.ca());
                agent.enrolled(TlsContexts.of(id, SimTls.peers()));
                return;
            } catch (GeneralSecurityException | RuntimeException x) {
                // falls through to a failure
            }
        }
        agent.registrationFailed();
    }

    void failed() {
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
