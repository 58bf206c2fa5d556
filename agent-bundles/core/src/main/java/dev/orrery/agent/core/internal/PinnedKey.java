package dev.orrery.agent.core.internal;

import dev.orrery.protocol.TaskSigning;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The center's task-signing public key as this agent pinned it: learnt from the first welcome that
 * carried one (trust on first use) and kept as PEM in a file, or put there by an operator before
 * the agent first starts. A welcome with another key later is refused loudly and the pinned key
 * stays; an operator who rotated the center's key replaces the file (or sets
 * {@code repinTaskKey=true} for one registration). Thread-safe.
 */
final class PinnedKey {
    private static final Logger LOG = LoggerFactory.getLogger(PinnedKey.class);
    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    private final Path file;
    private final boolean repin;
    private volatile PublicKey key;

    /**
     * @param file where the key is pinned
     * @param repin whether a welcome with a different key replaces the pinned one
     * @throws IllegalArgumentException if the file exists but holds no Ed25519 public key
     */
    PinnedKey(Path file, boolean repin) {
        this.file = file;
        this.repin = repin;
        this.key = read(file).orElse(null);
    }

    /** @return the pinned key, if any */
    Optional<PublicKey> get() {
        return Optional.ofNullable(key);
    }

    /**
     * Pins the key of a welcome if none is pinned; refuses a different one unless re-pinning is on.
     *
     * @param x509 the key the center sent, empty if none
     * @return whether the key the center sent is the pinned one now
     */
    synchronized boolean offer(byte[] x509) {
        if (x509 == null || x509.length == 0) {
            if (key == null) {
                LOG.warn("The center sent no task-signing key and none is pinned in {}: signed tasks cannot be verified yet", file);
            }
            return false;
        }
        PublicKey offered;
        try {
            offered = TaskSigning.publicKey(x509);
        } catch (IllegalArgumentException e) {
            LOG.error("The center sent an unusable task-signing key ({}); keeping the pinned one", e.getMessage());
            return false;
        }
        if (key != null && Arrays.equals(key.getEncoded(), offered.getEncoded())) {
            return true;
        }
        if (key != null && !repin) {
            LOG.error("REFUSED: the center presented a task-signing key different from the one pinned in {}. Tasks signed "
                    + "with the new key will be refused (TASK_SIGNATURE_INVALID). If the center's key was rotated on purpose, "
                    + "replace that file with the center's task-signing.pub, or set repinTaskKey=true in dev.orrery.agent.cfg.",
                    file);
            return false;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            DurableFiles.write(file, pem(offered.getEncoded()).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            LOG.warn("Cannot write the pinned task-signing key to {}: {}; using it until the agent stops", file, e.toString());
        }
        if (key != null) {
            LOG.warn("Re-pinned the center's task-signing key in {} (repinTaskKey=true): set it back to false", file);
        } else {
            LOG.info("Pinned the center's task-signing key in {}", file);
        }
        key = offered;
        return true;
    }

    static String pem(byte[] x509) {
        return BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(x509) + "\n" + END + "\n";
    }

    /** Reads PEM, or bare Base64, of an X.509 Ed25519 public key. */
    private static Optional<PublicKey> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).replace(BEGIN, "").replace(END, "");
            return Optional.of(TaskSigning.publicKey(Base64.getMimeDecoder().decode(text.strip())));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the pinned task-signing key " + file + " is unreadable: " + e.getMessage()
                    + " (put the center's task-signing.pub there, or delete it to pin the key of the next registration)", e);
        }
    }
}
