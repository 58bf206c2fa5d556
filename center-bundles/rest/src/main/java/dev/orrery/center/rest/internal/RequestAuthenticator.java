package dev.orrery.center.rest.internal;

import dev.orrery.api.ApiSignature;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.store.AccountStore;
import dev.orrery.center.store.ApiAccount;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks request signatures as {@code design.md} specifies: the four headers, a timestamp within
 * the skew window, a known and enabled key, an HMAC-SHA256 signature over the canonical request
 * (compared in constant time) and a nonce not used before. Every refusal is an
 * {@link OrreryException} with {@link ErrorCode#UNAUTHENTICATED} and a message naming what was
 * wrong; it never reveals the expected signature. Thread-safe.
 */
final class RequestAuthenticator {
    private static final int MAX_NONCE_LENGTH = 128;
    private static final int MAX_KEY_LENGTH = 128;

    private final AccountStore accounts;
    private final NonceCache nonces;
    private final long maxSkewMillis;
    private final Clock clock;

    RequestAuthenticator(AccountStore accounts, ApiLimits limits, Clock clock) {
        this.accounts = accounts;
        this.nonces = new NonceCache(limits.nonceCacheSize());
        this.maxSkewMillis = limits.maxSkewSeconds() * 1000L;
        this.clock = clock;
    }

    /**
     * The checks that need no body: headers present, timestamp in the window, account known
     * and enabled. Done before the body is read, so unauthenticated callers cannot make the
     * center buffer bodies.
     *
     * @param request the request
     * @return the account named by the key
     * @throws OrreryException {@code UNAUTHENTICATED}
     */
    ApiAccount precheck(SignedRequest request) {
        List<String> missing = new ArrayList<>();
        addIfBlank(missing, ApiSignature.HEADER_KEY, request.keyId());
        addIfBlank(missing, ApiSignature.HEADER_TIMESTAMP, request.timestamp());
        addIfBlank(missing, ApiSignature.HEADER_NONCE, request.nonce());
        addIfBlank(missing, ApiSignature.HEADER_SIGNATURE, request.signature());
        if (!missing.isEmpty()) {
            throw refused("missing header" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + ": every request except GET /health must be signed", missing);
        }
        long timestamp = parseTimestamp(request.timestamp());
        long skew = Math.abs(clock.millis() - timestamp);
        if (skew > maxSkewMillis) {
            throw refused("timestamp is " + skew / 1000 + " s away from the center's clock; at most " + maxSkewMillis / 1000
                    + " s is accepted (" + ApiSignature.HEADER_TIMESTAMP + " is epoch milliseconds)");
        }
        if (request.nonce().length() > MAX_NONCE_LENGTH) {
            throw refused(ApiSignature.HEADER_NONCE + " is longer than " + MAX_NONCE_LENGTH + " characters");
        }
        if (request.keyId().length() > MAX_KEY_LENGTH) {
            throw refused("unknown key");
        }
        Optional<ApiAccount> account = accounts.find(request.keyId());
        if (account.isEmpty()) {
            throw refused("unknown key '" + request.keyId() + "'");
        }
        if (!account.get().enabled()) {
            throw refused("the account of key '" + request.keyId() + "' is disabled");
        }
        return account.get();
    }

    /**
     * Verifies the signature over the body, then spends the nonce.
     *
     * @param account the account from {@link #precheck}
     * @param request the request
     * @param body the body bytes as received, empty for none
     * @throws OrreryException {@code UNAUTHENTICATED} for a bad signature or a reused nonce
     */
    void verify(ApiAccount account, SignedRequest request, byte[] body) {
        String expected = ApiSignature.sign(account.secret(), request.method(), request.pathAndQuery(), request.timestamp(),
                request.nonce(), body);
        if (!ApiSignature.matches(expected, request.signature().trim())) {
            throw refused("bad signature: expected base64 HMAC-SHA256 with the key's secret over the lines METHOD, "
                    + "path with query string as sent (" + request.method() + " " + request.pathAndQuery()
                    + "), timestamp, nonce and the hex SHA-256 of the body, joined by \\n");
        }
        long expiresAt = parseTimestamp(request.timestamp()) + maxSkewMillis;
        switch (nonces.use(account.keyId() + "\n" + request.nonce(), expiresAt, clock.millis())) {
            case REPLAYED -> throw refused("nonce already used: every request needs a fresh " + ApiSignature.HEADER_NONCE);
            case FULL -> throw refused("too many requests inside the replay window; retry later");
            default -> { }
        }
    }

    /**
     * Both steps at once.
     *
     * @param request the request
     * @param body the body
     * @return the authenticated account
     */
    ApiAccount authenticate(SignedRequest request, byte[] body) {
        ApiAccount account = precheck(request);
        verify(account, request, body);
        return account;
    }

    private static long parseTimestamp(String value) {
        String v = value.trim();
        if (v.isEmpty() || v.length() > 18 || !v.chars().allMatch(Character::isDigit)) {
            throw refused(ApiSignature.HEADER_TIMESTAMP + " must be epoch milliseconds (digits only)");
        }
        return Long.parseLong(v);
    }

    private static void addIfBlank(List<String> missing, String header, String value) {
        if (value == null || value.isBlank()) {
            missing.add(header);
        }
    }

    private static OrreryException refused(String message) {
        return new OrreryException(ErrorCode.UNAUTHENTICATED, message);
    }

    private static OrreryException refused(String message, List<String> details) {
        return new OrreryException(ErrorCode.UNAUTHENTICATED, message, details);
    }
}
