package dev.orrery.agent.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orrery.center.pki.EnrollOutcome;
import dev.orrery.center.pki.internal.TestPki;
import dev.orrery.protocol.Frames;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.OrreryProtocol;
import dev.orrery.tls.EnrollRefusedException;
import dev.orrery.tls.PeerIdentity;
import dev.orrery.tls.PeerRole;
import dev.orrery.tls.TlsContexts;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent enrolls over TLS with a token and the pinned CA, then registers with its own certificate. */
class AgentEnrollTest {
    @TempDir
    Path dir;
    private TestPki ca;
    private NioSocketAcceptor center;

    @BeforeEach
    void start() throws Exception {
        ca = new TestPki(dir.resolve("center"));
        center = new NioSocketAcceptor(1);
        center.getFilterChain().addFirst(TlsContexts.FILTER, TlsContexts.serverFilter(
                TlsContexts.of(ca.identity(PeerRole.CENTER, "center"), Set.of(PeerRole.AGENT)), false));
        OrreryProtocol.install(center.getFilterChain(), Frames.DEFAULT_MAX_PAYLOAD);
        center.setHandler(new IoHandlerAdapter() {
            @Override
            public void messageReceived(IoSession s, Object m) throws Exception {
                if (m instanceof Message.Enroll e) {
                    EnrollOutcome out = ca.pki().enroll(PeerRole.AGENT, e.id(), e.token(), e.publicKey());
                    s.write(out.accepted() ? new Message.Enrolled(e.id(), out.certificate().getEncoded(),
                            ca.pki().caCertificate().getEncoded()) : new Message.EnrollRefused(out.code(), out.reason()));
                } else if (m instanceof Message.Register r) {
                    PeerIdentity peer = PeerIdentity.of(s).orElse(null);
                    if (peer != null && peer.id().equals(r.hostId())) {
                        s.write(new Message.Welcome(r.hostId(), List.of("127.0.0.1:1"), 10));
                    } else {
                        s.closeNow();
                    }
                }
            }
        });
        center.bind(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        center.dispose(true);
    }

    private Message.Welcome register(String token) throws Exception {
        AgentTls tls = AgentTls.of(true, dir.resolve("tls").toString(), token, dir.resolve("none").toString(),
                ca.data().resolve("ca.pem").toString(), "");
        try (Connector c = new Connector(Frames.DEFAULT_MAX_PAYLOAD, 5_000)) {
            Registrar r = new Registrar(c, 15_000, tls, Frames.DEFAULT_MAX_PAYLOAD);
            return r.register(new HostPort("127.0.0.1", center.getLocalAddress().getPort()),
                    new Message.Register("", "host-1", "host-1", List.of(), "", "", List.of(), "t")).get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void enrollsOnceThenRegistersWithItsCertificate() throws Exception {
        assertEquals("host-1", register(ca.agentToken()).hostId());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("tls/key.pem"))));
        // the saved identity is used from now on: no token needed
        assertEquals("host-1", register("").hostId());
    }

    @Test
    void aBadTokenFailsRegistrationWithEnrollRefused() {
        ExecutionException e = assertThrows(ExecutionException.class, () -> register("ork_bad"));
        Throwable t = e.getCause();
        while (t != null && !(t instanceof EnrollRefusedException)) {
            t = t.getCause();
        }
        assertEquals("ENROLL_REFUSED", assertInstanceOf(EnrollRefusedException.class, t).code());
    }
}
