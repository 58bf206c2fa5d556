package dev.orrery.center.pki.internal;

import dev.orrery.center.pki.CertificateAuthority;
import dev.orrery.center.pki.EnrollOutcome;
import dev.orrery.center.pki.Enrollment;
import dev.orrery.center.pki.Revocations;
import dev.orrery.center.store.MasterKey;
import dev.orrery.tls.KeyPairs;
import dev.orrery.tls.Pem;
import dev.orrery.tls.PeerRole;
import dev.orrery.tls.TlsIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The center's CA, enrollment and revocation. At start it loads or creates the CA under
 * {@code <data>/pki/}, issues the link server's certificate, writes the public {@code ca.pem}
 * beside the default enrollment tokens ({@code enroll-agent.token}, {@code enroll-channel.token}).
 */
@Component(service = {CertificateAuthority.class, Enrollment.class, Revocations.class},
        configurationPid = PkiConfig.PID, immediate = true)
@Designate(ocd = PkiConfig.class)
public final class PkiComponent implements CertificateAuthority, Enrollment, Revocations {
    /** Default agent token file in the data folder. */
    public static final String AGENT_TOKEN = "enroll-agent.token";
    /** Default channel token file in the data folder. */
    public static final String CHANNEL_TOKEN = "enroll-channel.token";
    /** The CA certificate in the data folder (public). */
    public static final String CA_FILE = "ca.pem";
    private static final Logger LOG = LoggerFactory.getLogger(PkiComponent.class);

    private final CaKeys keys;
    private final TokenBook tokens;
    private final RevokedList revokedList;

    /** @param config the configuration @param master the center's master key */
    @Activate
    public PkiComponent(PkiConfig config, @Reference MasterKey master) {
        this(dataDir(config.dataDir()), master, Duration.ofDays(config.caDays()), Duration.ofDays(config.certificateDays()),
                config.defaultTokens(), Clock.systemUTC());
    }

    /**
     * @param data the Orrery data folder
     * @param master the master key
     * @param caValidity validity of a new CA
     * @param leafValidity validity of issued certificates
     * @param defaultTokens whether to write the default token files
     * @param clock the clock of token expiry
     */
    public PkiComponent(Path data, MasterKey master, Duration caValidity, Duration leafValidity, boolean defaultTokens, Clock clock) {
        Path pki = data.resolve("pki");
        try {
            keys = new CaKeys(pki, master, caValidity, leafValidity);
            tokens = new TokenBook(pki.resolve("tokens"), master, clock);
            revokedList = new RevokedList(pki.resolve("revoked"));
            TlsIdentity.writeOwnerOnly(data.resolve(CA_FILE), Pem.certificate(keys.ca()));
            if (defaultTokens) {
                writeDefault(data.resolve(AGENT_TOKEN), PeerRole.AGENT);
                writeDefault(data.resolve(CHANNEL_TOKEN), PeerRole.CHANNEL);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the CA under " + pki, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot prepare the CA under " + pki + ": " + e.getMessage(), e);
        }
        LOG.info("Orrery CA ready: {}", keys.ca().getSubjectX500Principal().getName());
    }

    static Path dataDir(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured.trim());
        }
        String data = System.getProperty("karaf.data");
        return Paths.get(data != null ? data : "data", "orrery");
    }

    private void writeDefault(Path file, PeerRole kind) throws IOException {
        if (!Files.isRegularFile(file)) {
            TlsIdentity.writeOwnerOnly(file, tokens.create(kind, 0, 0) + "\n");
            LOG.info("Wrote the default {} enrollment token to {}", kind.unit(), file);
        }
    }

    @Override
    public X509Certificate caCertificate() {
        return keys.ca();
    }

    @Override
    public TlsIdentity serverIdentity() {
        return keys.server();
    }

    @Override
    public EnrollOutcome enroll(PeerRole role, String id, String token, byte[] publicKey) {
        if (role != PeerRole.AGENT && role != PeerRole.CHANNEL || id == null || id.isBlank() || id.length() > 255) {
            return EnrollOutcome.refused("ENROLL_REFUSED", "bad enrollment request");
        }
        if (role == PeerRole.AGENT && revokedList.isRevoked(id)) {
            return EnrollOutcome.refused("HOST_REVOKED", "host " + id + " is revoked");
        }
        PublicKey key;
        try {
            key = KeyPairs.ecPublicKey(publicKey);
            if (((ECPublicKey) key).getParams().getCurve().getField().getFieldSize() != 256) {
                return EnrollOutcome.refused("ENROLL_REFUSED", "the key must be EC P-256");
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            return EnrollOutcome.refused("ENROLL_REFUSED", "unreadable public key");
        }
        String refusal = tokens.spend(token, role);
        if (refusal != null) {
            LOG.warn("Enrollment of {} {} refused: {}", role.unit(), id, refusal);
            return EnrollOutcome.refused("ENROLL_REFUSED", refusal);
        }
        try {
            X509Certificate c = keys.issue(role, id, key);
            LOG.info("Enrolled {} {} (certificate serial {})", role.unit(), id, c.getSerialNumber().toString(16));
            return EnrollOutcome.issued(c);
        } catch (GeneralSecurityException e) {
            LOG.warn("Cannot issue a certificate for {} {}: {}", role.unit(), id, e.getMessage());
            return EnrollOutcome.refused("ENROLL_REFUSED", "certificate could not be issued");
        }
    }

    @Override
    public String createToken(PeerRole kind, Duration ttl, int uses) {
        if (kind != PeerRole.AGENT && kind != PeerRole.CHANNEL) {
            throw new IllegalArgumentException("tokens enroll agents or channels");
        }
        return tokens.create(kind, ttl == null ? 0 : ttl.toMillis(), uses);
    }

    @Override
    public boolean revoke(String hostId) {
        return revokedList.revoke(hostId);
    }

    @Override
    public boolean restore(String hostId) {
        return revokedList.restore(hostId);
    }

    @Override
    public boolean isRevoked(String hostId) {
        return revokedList.isRevoked(hostId);
    }

    @Override
    public Set<String> revoked() {
        return revokedList.revoked();
    }

    @Override
    public Runnable onChange(RevocationListener listener) {
        return revokedList.onChange(listener);
    }
}
