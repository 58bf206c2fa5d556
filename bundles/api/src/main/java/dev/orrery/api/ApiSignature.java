package dev.orrery.api;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Request signing for the REST API, exactly as {@code design.md} specifies: the signature is
 * base64 of HMAC-SHA256(secret as UTF-8, canonical as UTF-8), where canonical is the five lines
 * {@code METHOD}, path with query string exactly as sent, timestamp (epoch ms), nonce, and the
 * lowercase hex SHA-256 of the body bytes, joined by {@code \n}. Stateless and thread-safe.
 */
public final class ApiSignature {
    /** Header carrying the key id. */
    public static final String HEADER_KEY = "X-Orrery-Key";
    /** Header carrying the timestamp in epoch milliseconds. */
    public static final String HEADER_TIMESTAMP = "X-Orrery-Timestamp";
    /** Header carrying a random single-use nonce. */
    public static final String HEADER_NONCE = "X-Orrery-Nonce";
    /** Header carrying the base64 signature. */
    public static final String HEADER_SIGNATURE = "X-Orrery-Signature";

    private ApiSignature() {
    }

    /**
     * Builds the canonical string.
     *
     * @param method HTTP method, upper case
     * @param pathAndQuery the raw path with query string exactly as sent, e.g. {@code /api/v1/hosts?q=a}
     * @param timestamp the value of {@link #HEADER_TIMESTAMP}
     * @param nonce the value of {@link #HEADER_NONCE}
     * @param body the body bytes; {@code null} or empty for none
     * @return the five canonical lines joined by {@code \n}
     */
    public static String canonical(String method, String pathAndQuery, String timestamp, String nonce, byte[] body) {
        return method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + sha256Hex(body == null ? new byte[0] : body);
    }

    /**
     * Signs a request.
     *
     * @param secret the account secret
     * @param method HTTP method
     * @param pathAndQuery path with query string as sent
     * @param timestamp epoch milliseconds as text
     * @param nonce random single-use text
     * @param body body bytes or {@code null}
     * @return base64 HMAC-SHA256 of the canonical string
     */
    public static String sign(String secret, String method, String pathAndQuery, String timestamp, String nonce, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal(canonical(method, pathAndQuery, timestamp, nonce, body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sig);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * Compares a presented signature with the expected one in constant time.
     *
     * @param expected the signature computed by the server
     * @param presented the signature from the request, may be {@code null}
     * @return {@code true} if equal
     */
    public static boolean matches(String expected, String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param data bytes to hash
     * @return lowercase hex SHA-256
     */
    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
