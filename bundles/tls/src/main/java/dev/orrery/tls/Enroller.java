package dev.orrery.tls;

import dev.orrery.protocol.Message;
import dev.orrery.protocol.OrreryProtocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.mina.core.future.ConnectFuture;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioSocketConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives an agent or a channel its TLS identity: the one saved in its folder, or a new one got by
 * enrolling at the center. Enrolling generates a P-256 key pair here (the private key never
 * leaves), connects to the center over TLS trusting only the pinned CA (its certificate file or
 * its SHA-256 fingerprint: never an unverified center), sends the token and the public key, and
 * saves the certificate it receives. Blocking: call it from a worker thread, never an I/O thread.
 */
public final class Enroller {
    private static final Logger LOG = LoggerFactory.getLogger(Enroller.class);
    private static final long TIMEOUT_MS = 15_000;
    private final EnrollSettings settings;

    /** @param settings where the identity lives and how to enroll */
    public Enroller(EnrollSettings settings) {
        this.settings = settings;
    }

    /**
     * @param role this side's role
     * @param id this side's id (hostId or channel id)
     * @return the saved identity if it names this role and id
     */
    public Optional<TlsIdentity> saved(PeerRole role, String id) {
        if (!TlsIdentity.exists(settings.dir())) {
            return Optional.empty();
        }
        try {
            TlsIdentity t = TlsIdentity.load(settings.dir());
            PeerIdentity p = PeerIdentity.of(t.certificate());
            X509Certificate pinned = settings.caFile() != null && Files.isRegularFile(settings.caFile())
                    ? settings.caCertificate() : null;
            if (pinned != null && !pinned.equals(t.ca())) {
                LOG.warn("The certificate in {} comes from another CA than {}; enrolling again", settings.dir(), settings.caFile());
                return Optional.empty();
            }
            if (p.role() == role && p.id().equals(id)) {
                return Optional.of(t);
            }
            LOG.warn("The certificate in {} is for {} {}, not {} {}; enrolling again", settings.dir(), p.role(), p.id(), role, id);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Cannot use the TLS identity in {} ({}); enrolling again", settings.dir(), e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * @param centerHost the center's host
     * @param centerPort the center's link port
     * @param role this side's role
     * @param id this side's id
     * @param maxFrameBytes largest frame accepted
     * @return the saved identity, or a new one enrolled and saved
     * @throws IOException if the center cannot be reached, is not trusted, or refuses ({@link EnrollRefusedException})
     */
    public TlsIdentity identity(String centerHost, int centerPort, PeerRole role, String id, int maxFrameBytes) throws IOException {
        Optional<TlsIdentity> saved = saved(role, id);
        if (saved.isPresent()) {
            return saved.get();
        }
        X509Certificate ca = settings.caCertificate();
        String token = settings.resolveToken();
        KeyPair keys = KeyPairs.ecP256();
        Message answer = exchange(centerHost, centerPort, TlsContexts.enrollment(ca, settings.caFingerprint()), maxFrameBytes,
                new Message.Enroll(role == PeerRole.CHANNEL ? Message.Role.CHANNEL : Message.Role.AGENT, id, token,
                        keys.getPublic().getEncoded()));
        if (answer instanceof Message.EnrollRefused r) {
            throw new EnrollRefusedException(r.code(), r.reason());
        }
        if (!(answer instanceof Message.Enrolled e)) {
            throw new IOException("unexpected answer to enrollment: " + answer.type());
        }
        try {
            X509Certificate issuer = Pem.certificate(e.caCertificate());
            X509Certificate mine = Pem.certificate(e.certificate());
            if (ca != null && !ca.equals(issuer) || ca == null && !Fingerprints.matches(issuer, settings.caFingerprint())) {
                throw new IOException("the center sent another CA than the pinned one");
            }
            mine.verify(issuer.getPublicKey());
            if (!mine.getPublicKey().equals(keys.getPublic())) {
                throw new IOException("the certificate received is not for this key");
            }
            TlsIdentity t = new TlsIdentity(keys.getPrivate(), mine, issuer);
            t.save(settings.dir());
            LOG.info("Enrolled at the center as {} {}; certificate saved in {}", role.unit(), id, settings.dir());
            return t;
        } catch (GeneralSecurityException x) {
            throw new IOException("unusable certificate from the center: " + x.getMessage(), x);
        }
    }

    private static Message exchange(String host, int port, javax.net.ssl.SSLContext tls, int maxFrameBytes, Message request)
            throws IOException {
        CompletableFuture<Message> answer = new CompletableFuture<>();
        NioSocketConnector connector = new NioSocketConnector(1);
        try {
            connector.getFilterChain().addFirst(TlsContexts.FILTER, TlsContexts.clientFilter(tls));
            OrreryProtocol.install(connector.getFilterChain(), maxFrameBytes);
            connector.setConnectTimeoutMillis(TIMEOUT_MS);
            connector.setHandler(new IoHandlerAdapter() {
                @Override
                public void messageReceived(IoSession s, Object m) {
                    answer.complete((Message) m);
                    s.closeNow();
                }

                @Override
                public void sessionClosed(IoSession s) {
                    answer.completeExceptionally(new IOException("the center closed the enrollment connection"));
                }

                @Override
                public void exceptionCaught(IoSession s, Throwable cause) {
                    answer.completeExceptionally(new IOException("enrollment failed: " + rootMessage(cause), cause));
                    s.closeNow();
                }
            });
            ConnectFuture f = connector.connect(new InetSocketAddress(host, port));
            if (!f.awaitUninterruptibly(TIMEOUT_MS) || !f.isConnected()) {
                throw new IOException("cannot reach the center at " + host + ":" + port);
            }
            f.getSession().write(request);
            return answer.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("no answer to enrollment from " + host + ":" + port + " within " + TIMEOUT_MS + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while enrolling");
        } finally {
            connector.dispose(false);
        }
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    static String readToken(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }
}
