package dev.orrery.center.store.internal;

import dev.orrery.api.PrivateFiles;
import dev.orrery.center.store.MasterKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MasterKey} from a key file: read when it exists, else created (32 random bytes, mode
 * 0600, written to a temporary file and moved into place so a crash never leaves half a key).
 * A file of the wrong size stops the component: the center must not silently make a new key
 * that cannot open what the old one sealed.
 */
@Component(service = MasterKey.class, configurationPid = StoreConfig.PID, immediate = true)
public final class FileMasterKey implements MasterKey {
    private static final Logger LOG = LoggerFactory.getLogger(FileMasterKey.class);
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte FORMAT = 1;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKeySpec> derived = new ConcurrentHashMap<>();

    /** @param config the store configuration ({@code masterKeyFile}) */
    @Activate
    public FileMasterKey(StoreConfig config) {
        this(resolve(config.masterKeyFile()));
    }

    /** @param file the key file, created when absent */
    public FileMasterKey(Path file) {
        try {
            this.key = new SecretKeySpec(load(file), "AES");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key " + file, e);
        }
    }

    static Path resolve(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured.trim());
        }
        String data = System.getProperty("karaf.data");
        return Paths.get(data == null || data.isBlank() ? "./data" : data, "orrery", "master.key");
    }

    private byte[] load(Path file) throws IOException {
        if (Files.exists(file)) {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length != KEY_BYTES) {
                throw new IllegalStateException("the master key " + file + " holds " + bytes.length + " bytes, not "
                        + KEY_BYTES + "; restore the right file (a new key could not open what the old one sealed)");
            }
            return bytes;
        }
        byte[] fresh = new byte[KEY_BYTES];
        random.nextBytes(fresh);
        PrivateFiles.writeOwnerOnly(file, fresh);
        LOG.info("Created the center master key {} (mode 0600); back it up with the database", file);
        return fresh;
    }

    @Override
    public byte[] seal(byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(FORMAT).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    @Override
    public byte[] open(byte[] sealed) {
        if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT) {
            throw new IllegalArgumentException("not a sealed value of this center");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("the sealed value was altered or sealed under another master key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    @Override
    public byte[] mac(String purpose, byte[] data) {
        SecretKeySpec k = derived.computeIfAbsent(purpose,
                p -> new SecretKeySpec(hmac(key.getEncoded(), ("orrery-" + p).getBytes(StandardCharsets.UTF_8)), "HmacSHA256"));
        return hmac(k.getEncoded(), data);
    }

    private static byte[] hmac(byte[] keyBytes, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keyBytes, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
