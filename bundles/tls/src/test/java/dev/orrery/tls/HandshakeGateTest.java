package dev.orrery.tls;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandshakeGateTest {
    private final NioSocketAcceptor acceptor = new NioSocketAcceptor(1);

    @AfterEach
    void stop() {
        acceptor.dispose(true);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HandshakeGateTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void closesNewConnectionsWhileTheBoundIsReachedAndCountsFinishedHandshakes() throws Exception {
        X509Certificate c = Pem.readCertificate(resource("self-signed.pem"));
        SSLContext context = TlsContexts.of(new TlsIdentity(Pem.readPrivateKey(resource("self-signed.key")), c, c),
                Set.of(PeerRole.AGENT));
        acceptor.getFilterChain().addLast(TlsContexts.FILTER, TlsContexts.serverFilter(context, false));
        HandshakeGate gate = new HandshakeGate(1).install(acceptor.getFilterChain(), TlsContexts.FILTER);
        acceptor.setHandler(new IoHandlerAdapter());
        acceptor.bind(new InetSocketAddress("127.0.0.1", 0));
        int port = acceptor.getLocalAddress().getPort();

        try (Socket silent = new Socket("127.0.0.1", port)) { // connected, never says ClientHello
            await().atMost(Duration.ofSeconds(10)).until(() -> gate.pending() == 1);
            try (Socket second = new Socket("127.0.0.1", port)) {
                second.setSoTimeout(10_000);
                assertEquals(-1, second.getInputStream().read(), "the gate closes the second connection at once");
            }
            assertEquals(1, gate.refused());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> gate.pending() == 0);

        try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            tls.setEnabledProtocols(TlsContexts.PROTOCOLS);
            tls.startHandshake();
            await().atMost(Duration.ofSeconds(10)).until(() -> gate.pending() == 0);
            // the finished handshake no longer counts: another connection is admitted
            try (Socket third = new Socket("127.0.0.1", port)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> gate.pending() == 1);
            }
        }
        assertEquals(1, gate.refused());
        assertThrows(IllegalArgumentException.class, () -> new HandshakeGate(0));
    }
}
