package dev.orrery.center.store;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The center's master key: 32 random bytes created at first start in a file only the center's
 * user can read ({@code ${karaf.data}/orrery/master.key}, mode 0600). Everything the center keeps
 * secret at rest is sealed with it (API secrets, private keys), and records that must not be
 * rewritten unnoticed are authenticated with keys derived from it (the audit chain). The key
 * itself never leaves this service. Thread-safe.
 */
@ProviderType
public interface MasterKey {

    /**
     * Encrypts and authenticates (AES-256-GCM, a fresh 96-bit nonce per call).
     *
     * @param plain the bytes to protect
     * @return a self-describing sealed form (format byte, nonce, ciphertext with tag)
     */
    byte[] seal(byte[] plain);

    /**
     * @param sealed the output of {@link #seal}
     * @return the plain bytes
     * @throws IllegalArgumentException if the bytes were altered, truncated, or sealed under another key
     */
    byte[] open(byte[] sealed);

    /**
     * An HMAC-SHA256 under a key derived from the master key for one purpose, so a MAC made for
     * one purpose is worthless for another.
     *
     * @param purpose a fixed label such as {@code "audit"}
     * @param data the bytes to authenticate
     * @return 32 bytes
     */
    byte[] mac(String purpose, byte[] data);
}
