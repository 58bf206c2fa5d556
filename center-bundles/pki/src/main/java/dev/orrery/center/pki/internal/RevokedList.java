package dev.orrery.center.pki.internal;

import dev.orrery.center.pki.Revocations;
import dev.orrery.tls.TlsIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Revoked hostIds in {@code pki/revoked}, one per line; listeners hear of every change. */
final class RevokedList implements Revocations {
    private static final Logger LOG = LoggerFactory.getLogger(RevokedList.class);
    private final Path file;
    private final Set<String> revoked = new TreeSet<>();
    private final List<RevocationListener> listeners = new CopyOnWriteArrayList<>();

    RevokedList(Path file) throws IOException {
        this.file = file;
        if (Files.isRegularFile(file)) {
            Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::trim).filter(s -> !s.isEmpty())
                    .forEach(revoked::add);
        }
    }

    @Override
    public boolean revoke(String hostId) {
        return change(hostId, true);
    }

    @Override
    public boolean restore(String hostId) {
        return change(hostId, false);
    }

    @Override
    public synchronized boolean isRevoked(String hostId) {
        return revoked.contains(hostId);
    }

    @Override
    public synchronized Set<String> revoked() {
        return Set.copyOf(revoked);
    }

    @Override
    public Runnable onChange(RevocationListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private boolean change(String hostId, boolean revoke) {
        synchronized (this) {
            boolean changed = revoke ? revoked.add(hostId) : revoked.remove(hostId);
            if (!changed) {
                return false;
            }
            try {
                TlsIdentity.writeOwnerOnly(file, String.join("\n", revoked) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
        for (RevocationListener l : listeners) {
            try {
                l.changed(hostId, revoke);
            } catch (RuntimeException e) {
                LOG.warn("Revocation listener failed for {}: {}", hostId, e.toString());
            }
        }
        return true;
    }
}
