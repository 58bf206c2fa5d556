package dev.orrery.center.pki.internal;

import dev.orrery.center.store.MasterKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A test master key: seals by reversing bytes (tests only check the round trip), macs with a fixed key. */
public final class TestMasterKey implements MasterKey {
    @Override
    public byte[] seal(byte[] plain) {
        byte[] out = new byte[plain.length];
        for (int i = 0; i < plain.length; i++) {
            out[i] = plain[plain.length - 1 - i];
        }
        return out;
    }

    @Override
    public byte[] open(byte[] sealed) {
        return seal(sealed);
    }

    @Override
    public byte[] mac(String purpose, byte[] data) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(("test-" + purpose).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return m.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
