package dev.orrery.center.rest.internal;

/**
 * The parts of a request that its signature covers, as received.
 *
 * @param method HTTP method
 * @param pathAndQuery raw path with the query string exactly as sent
 * @param keyId value of {@code X-Orrery-Key}, may be {@code null}
 * @param timestamp value of {@code X-Orrery-Timestamp}, may be {@code null}
 * @param nonce value of {@code X-Orrery-Nonce}, may be {@code null}
 * @param signature value of {@code X-Orrery-Signature}, may be {@code null}
 */
record SignedRequest(String method, String pathAndQuery, String keyId, String timestamp, String nonce, String signature) {
}
