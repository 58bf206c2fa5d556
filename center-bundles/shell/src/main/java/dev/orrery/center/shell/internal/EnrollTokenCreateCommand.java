package dev.orrery.center.shell.internal;

import dev.orrery.center.pki.CertificateAuthority;
import dev.orrery.center.pki.Enrollment;
import dev.orrery.tls.Fingerprints;
import dev.orrery.tls.PeerRole;
import java.time.Duration;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code orrery:enroll-token-create}: a token that agents or channels enroll with (docs/tls.md). */
@Service
@Command(scope = "orrery", name = "enroll-token-create", description = "Creates an enrollment token (shown once; only its"
        + " hash is kept) and prints the CA fingerprint the enrolling side pins.")
public final class EnrollTokenCreateCommand implements Action {

    @Option(name = "--kind", description = "agent or channel", required = false)
    String kind = "agent";

    @Option(name = "--ttl", description = "Validity, e.g. 30m, 12h, 7d; 0: never expires", required = false)
    String ttl = "24h";

    @Option(name = "--uses", description = "Enrollments allowed; 0: unlimited", required = false)
    int uses = 1;

    @Reference
    Enrollment enrollment;

    @Reference
    CertificateAuthority ca;

    @Override
    public Object execute() {
        PeerRole role = switch (kind.trim().toLowerCase(Locale.ROOT)) {
            case "agent" -> PeerRole.AGENT;
            case "channel" -> PeerRole.CHANNEL;
            default -> throw new IllegalArgumentException("--kind must be agent or channel");
        };
        String token = enrollment.createToken(role, parse(ttl), uses);
        System.out.println("Token (" + role.unit() + ", " + (uses > 0 ? uses + " use(s)" : "unlimited uses") + ", ttl " + ttl
                + "): " + token);
        System.out.println("CA fingerprint (caFingerprint): " + Fingerprints.sha256(ca.caCertificate()));
        return null;
    }

    static Duration parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        if (t.length() < 2) {
            throw new IllegalArgumentException("--ttl like 30m, 12h or 7d");
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("--ttl like 30m, 12h or 7d");
        };
    }
}
