package dev.orrery.protocol;

import dev.orrery.protocol.Message.Task;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Signed tasks: the one place that says what the center signs and how an agent checks it, so the
 * two sides cannot drift. The center signs each task once (Ed25519): the canonical encoding of
 * {@link #VERSION}, a domain label, the task id, type, parameters (sorted by key as UTF-8 bytes),
 * the SHA-256 of the body, the task's timeout, an expiry (epoch ms) and the root of the
 * {@link MerkleTree} over its hosts. Every field is length-prefixed by {@link WireWriter}, so no
 * two different tasks encode alike. Each host's {@link Task} carries a {@link Task.Seal}: those
 * signed values, the signature, and the host's Merkle proof. Ed25519 signatures are deterministic,
 * so a task signed again from its stored fields gets the same signature. Thread-safe (stateless).
 */
public final class TaskSigning {
    /** Version of the canonical encoding; part of what is signed. */
    public static final int VERSION = 1;
    /** The key algorithm, as the JDK names it. */
    public static final String ALGORITHM = "Ed25519";
    /** Bytes of an Ed25519 signature. */
    public static final int SIGNATURE_BYTES = 64;
    private static final String DOMAIN = "orrery signed task";

    private TaskSigning() {
    }

    /**
     * The bytes signed for a task.
     *
     * @param taskId the task id
     * @param taskType its type
     * @param params its parameters
     * @param body its body, may be {@code null} (same as empty)
     * @param timeoutSeconds the task's timeout
     * @param expiresAt epoch ms after which no agent may start it
     * @param root the Merkle root over its hosts
     * @return the canonical encoding
     */
    public static byte[] canonical(String taskId, String taskType, Map<String, String> params, byte[] body,
            int timeoutSeconds, long expiresAt, byte[] root) {
        WireWriter w = new WireWriter().u8(VERSION).str(DOMAIN).str(taskId).str(taskType);
        List<byte[][]> entries = new ArrayList<>(params.size());
        params.forEach((k, v) -> entries.add(new byte[][] {k.getBytes(StandardCharsets.UTF_8), v.getBytes(StandardCharsets.UTF_8)}));
        entries.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0]));
        w.i32(entries.size());
        entries.forEach(e -> w.bytes(e[0]).bytes(e[1]));
        byte[] digest = MerkleTree.sha256().digest(body == null ? new byte[0] : body);
        return w.bytes(digest).i32(timeoutSeconds).i64(expiresAt).bytes(root).toByteArray();
    }

    /**
     * @param key the center's private key
     * @param canonical what {@link #canonical} returned
     * @return the 64-byte signature
     */
    public static byte[] sign(PrivateKey key, byte[] canonical) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(canonical);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + ALGORITHM + ": " + e.getMessage(), e);
        }
    }

    /**
     * Signs a task for its hosts: one signature, whatever the number of hosts.
     *
     * @param key the center's private key
     * @param taskId the task id
     * @param taskType its type
     * @param params its parameters
     * @param body its body
     * @param timeoutSeconds its timeout
     * @param expiresAt epoch ms after which no agent may start it
     * @param tree the Merkle tree over its hosts
     * @return the seal of the task, with an empty proof: see {@link Task.Seal#forHost}
     */
    public static Task.Seal seal(PrivateKey key, String taskId, String taskType, Map<String, String> params, byte[] body,
            int timeoutSeconds, long expiresAt, MerkleTree tree) {
        byte[] root = tree.root();
        byte[] sig = sign(key, canonical(taskId, taskType, params, body, timeoutSeconds, expiresAt, root));
        return new Task.Seal(timeoutSeconds, expiresAt, root, new byte[0], sig);
    }

    /**
     * Checks everything the agent can check without a clock: the signature over the task's fields
     * and its seal, the Merkle proof of {@code hostId}, and that the run time it was given is not
     * longer than the signed timeout. The caller checks the expiry and that {@code hostId} is its own.
     *
     * @param key the center's public key
     * @param t a task as received
     * @return whether it is signed by that key for the host it names; {@code false} if unsigned
     */
    public static boolean verify(PublicKey key, Task t) {
        Task.Seal s = t.seal();
        if (s == null || key == null || s.signature().length != SIGNATURE_BYTES
                || t.timeoutSeconds() > s.timeoutSeconds() || !MerkleTree.verify(t.hostId(), s.proof(), s.root())) {
            return false;
        }
        try {
            Signature v = Signature.getInstance(ALGORITHM);
            v.initVerify(key);
            v.update(canonical(t.taskId(), t.taskType(), t.params(), t.body(), s.timeoutSeconds(), s.expiresAt(), s.root()));
            return v.verify(s.signature());
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // a key of another algorithm, a malformed signature
        }
    }

    /** @return a fresh Ed25519 key pair */
    public static KeyPair generateKeyPair() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is missing from this JVM", e);
        }
    }

    /**
     * @param x509 a public key as {@link PublicKey#getEncoded()} gives it (X.509 SubjectPublicKeyInfo)
     * @return the key
     * @throws IllegalArgumentException if it is no Ed25519 public key
     */
    public static PublicKey publicKey(byte[] x509) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an " + ALGORITHM + " public key: " + e.getMessage(), e);
        }
    }

    /**
     * @param pkcs8 a private key as {@link PrivateKey#getEncoded()} gives it
     * @return the key
     * @throws IllegalArgumentException if it is no Ed25519 private key
     */
    public static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an " + ALGORITHM + " private key: " + e.getMessage(), e);
        }
    }
}
