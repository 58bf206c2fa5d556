package dev.orrery.center.proxy.internal;

import dev.orrery.api.PrivateFiles;
import dev.orrery.center.link.TaskSigningKey;
import dev.orrery.center.store.MasterKey;
import dev.orrery.protocol.TaskSigning;
import dev.orrery.protocol.WireReader;
import dev.orrery.protocol.WireWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The center's task-signing key pair (Ed25519). Created at first start in
 * {@code ${karaf.data}/orrery/task-signing.key} (mode 0600): the public key, and the private key
 * sealed with the store's {@link MasterKey}; the public key is also written as PEM to
 * {@code task-signing.pub} beside it, for operators who pin it on agents in advance. Serves the
 * public key to the link (agents learn it in their welcome) and the {@link TaskSealer} to the
 * proxy's dispatcher. Reads the proxy's configuration (expiry grace, cache size).
 */
@Component(service = {TaskKeys.class, TaskSigningKey.class}, configurationPid = ProxyConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class TaskKeys implements TaskSigningKey {
    /** The key file's name under {@code ${karaf.data}/orrery}. */
    static final String FILE = "task-signing.key";
    private static final Logger LOG = LoggerFactory.getLogger(TaskKeys.class);
    private static final int FORMAT = 1;

    private final TaskSealer sealer;

    /**
     * @param config the proxy's configuration
     * @param master the center's master key
     */
    @Activate
    public TaskKeys(ProxyConfig config, @Reference(name = "masterKey") MasterKey master) {
        this(Path.of(System.getProperty("karaf.data", "data"), "orrery").toAbsolutePath(), master,
                config.taskExpiryGraceSeconds(), config.signedTaskCacheHosts());
    }

    /**
     * @param dir the folder of the key file
     * @param master the center's master key
     * @param graceSeconds added to a task's creation time and timeout to make its expiry
     * @param cacheHosts most hosts of signed trees kept in memory
     * @throws IllegalArgumentException for a bad setting
     * @throws IllegalStateException if the key file cannot be read, opened or written
     */
    TaskKeys(Path dir, MasterKey master, int graceSeconds, int cacheHosts) {
        if (graceSeconds < 0 || graceSeconds > 7 * 86400) {
            throw new IllegalArgumentException("taskExpiryGraceSeconds must be 0-604800, was " + graceSeconds);
        }
        if (cacheHosts < 1000) {
            throw new IllegalArgumentException("signedTaskCacheHosts must be at least 1000, was " + cacheHosts);
        }
        this.sealer = new TaskSealer(load(dir, master), graceSeconds * 1000L, cacheHosts);
    }

    @Override
    public byte[] publicKey() {
        return sealer.publicKey();
    }

    /** @return the signer the dispatcher seals tasks with */
    TaskSealer sealer() {
        return sealer;
    }

    private static KeyPair load(Path dir, MasterKey master) {
        Path file = dir.resolve(FILE);
        try {
            KeyPair keys;
            if (Files.exists(file)) {
                WireReader r = new WireReader(Files.readAllBytes(file));
                if (r.u8() != FORMAT) {
                    throw new IllegalStateException("unknown format of " + file);
                }
                PublicKey pub = TaskSigning.publicKey(r.bytes());
                PrivateKey priv = TaskSigning.privateKey(master.open(r.bytes()));
                r.end();
                keys = new KeyPair(pub, priv);
                check(keys, file);
            } else {
                keys = TaskSigning.generateKeyPair();
                byte[] pkcs8 = keys.getPrivate().getEncoded();
                byte[] data = new WireWriter().u8(FORMAT).bytes(keys.getPublic().getEncoded()).bytes(master.seal(pkcs8))
                        .toByteArray();
                Arrays.fill(pkcs8, (byte) 0);
                PrivateFiles.writeOwnerOnly(file, data);
                LOG.info("Created the center's task-signing key {} (public key in {})", file, dir.resolve("task-signing.pub"));
            }
            writePem(dir.resolve("task-signing.pub"), keys.getPublic().getEncoded());
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the task-signing key " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the task-signing key " + file + " is unusable: " + e.getMessage(), e);
        }
    }

    /** A public key that does not match its private key would make every task fail on every agent. */
    private static void check(KeyPair keys, Path file) {
        byte[] probe = "orrery task key check".getBytes(StandardCharsets.UTF_8);
        try {
            java.security.Signature v = java.security.Signature.getInstance(TaskSigning.ALGORITHM);
            v.initVerify(keys.getPublic());
            v.update(probe);
            if (!v.verify(TaskSigning.sign(keys.getPrivate(), probe))) {
                throw new IllegalStateException("the public and private keys in " + file + " do not match");
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot check " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param x509 a public key
     * @return it as PEM text ({@code -----BEGIN PUBLIC KEY-----})
     */
    static String pem(byte[] x509) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(x509)
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static void writePem(Path file, byte[] x509) throws IOException {
        String text = pem(x509);
        if (!Files.exists(file) || !Files.readString(file, StandardCharsets.US_ASCII).equals(text)) {
            PrivateFiles.writePublic(file, text.getBytes(StandardCharsets.US_ASCII));
        }
    }
}
