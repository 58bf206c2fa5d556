package dev.orrery.center.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ApiSignature;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestAuthenticatorTest {
    private static final String SECRET = "s3cret-value";
    private final MutableClock clock = new MutableClock(1_700_000_000_000L);
    private final FakeAccountStore accounts = new FakeAccountStore().with("k1", SECRET, true).with("off", SECRET, false);
    private final RequestAuthenticator auth = new RequestAuthenticator(accounts, ApiLimits.DEFAULTS, clock);

    private SignedRequest signed(String key, String method, String path, long ts, String nonce, byte[] body) {
        String t = Long.toString(ts);
        return new SignedRequest(method, path, key, t, nonce, ApiSignature.sign(SECRET, method, path, t, nonce, body));
    }

    private static OrreryException refused(Runnable r) {
        OrreryException e = assertThrows(OrreryException.class, r::run);
        assertEquals(ErrorCode.UNAUTHENTICATED, e.code());
        return e;
    }

    @Test
    void acceptsAGoodSignatureWithBodyAndQuery() {
        byte[] body = "{\"command\":\"uname -a\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals("k1", auth.authenticate(signed("k1", "POST", "/api/v1/cmd?x=1", clock.millis(), "n1", body), body).keyId());
        assertEquals("k1", auth.authenticate(signed("k1", "GET", "/api/v1/hosts", clock.millis(), "n2", null), new byte[0]).keyId());
    }

    @Test
    void namesEveryMissingHeader() {
        OrreryException e = refused(() -> auth.authenticate(new SignedRequest("GET", "/api/v1/hosts", "k1", null, "", null), new byte[0]));
        assertTrue(e.getMessage().contains("missing headers"), e.getMessage());
        assertEquals(List.of(ApiSignature.HEADER_TIMESTAMP, ApiSignature.HEADER_NONCE, ApiSignature.HEADER_SIGNATURE), e.details());
    }

    @Test
    void refusesABadSignatureWithoutRevealingTheExpectedOne() {
        SignedRequest good = signed("k1", "GET", "/api/v1/hosts", clock.millis(), "n1", null);
        SignedRequest bad = new SignedRequest("GET", "/api/v1/hosts", "k1", good.timestamp(), "n1", "AAAA" + good.signature().substring(4));
        OrreryException e = refused(() -> auth.authenticate(bad, new byte[0]));
        assertTrue(e.getMessage().startsWith("bad signature"), e.getMessage());
        assertFalse(e.getMessage().contains(good.signature()));
    }

    @Test
    void refusesATamperedBody() {
        byte[] body = "{\"command\":\"id\"}".getBytes(StandardCharsets.UTF_8);
        SignedRequest r = signed("k1", "POST", "/api/v1/cmd", clock.millis(), "n1", body);
        refused(() -> auth.authenticate(r, "{\"command\":\"reboot\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void signatureCoversTheQueryStringExactlyAsSent() {
        SignedRequest signedWithout = signed("k1", "GET", "/api/v1/hosts", clock.millis(), "n1", null);
        SignedRequest sentWith = new SignedRequest("GET", "/api/v1/hosts?status=ONLINE", "k1", signedWithout.timestamp(), "n1",
                signedWithout.signature());
        refused(() -> auth.authenticate(sentWith, new byte[0]));
        SignedRequest encoded = signed("k1", "GET", "/api/v1/hosts?q=a%20b", clock.millis(), "n2", null);
        SignedRequest decoded = new SignedRequest("GET", "/api/v1/hosts?q=a b", "k1", encoded.timestamp(), "n2", encoded.signature());
        refused(() -> auth.authenticate(decoded, new byte[0]));
        assertEquals("k1", auth.authenticate(encoded, new byte[0]).keyId());
    }

    @Test
    void refusesUnknownAndDisabledKeys() {
        assertTrue(refused(() -> auth.authenticate(signed("nobody", "GET", "/api/v1/hosts", clock.millis(), "n1", null),
                new byte[0])).getMessage().contains("unknown key"));
        assertTrue(refused(() -> auth.authenticate(signed("off", "GET", "/api/v1/hosts", clock.millis(), "n1", null),
                new byte[0])).getMessage().contains("disabled"));
    }

    @Test
    void refusesSkewBeyondTheWindowBothWays() {
        long now = clock.millis();
        assertEquals("k1", auth.authenticate(signed("k1", "GET", "/p", now - 300_000, "a", null), new byte[0]).keyId());
        assertEquals("k1", auth.authenticate(signed("k1", "GET", "/p", now + 300_000, "b", null), new byte[0]).keyId());
        assertTrue(refused(() -> auth.authenticate(signed("k1", "GET", "/p", now - 301_000, "c", null), new byte[0]))
                .getMessage().contains("away from the center's clock"));
        refused(() -> auth.authenticate(signed("k1", "GET", "/p", now + 301_000, "d", null), new byte[0]));
    }

    @Test
    void refusesANonNumericTimestamp() {
        SignedRequest r = new SignedRequest("GET", "/p", "k1", "2024-01-01T00:00:00Z", "n", "sig");
        assertTrue(refused(() -> auth.authenticate(r, new byte[0])).getMessage().contains("epoch milliseconds"));
    }

    @Test
    void refusesAReplayedNonceButNotTheSameNonceOfAnotherKey() {
        accounts.with("k2", SECRET, true);
        SignedRequest r = signed("k1", "GET", "/api/v1/hosts", clock.millis(), "once", null);
        auth.authenticate(r, new byte[0]);
        assertTrue(refused(() -> auth.authenticate(r, new byte[0])).getMessage().contains("nonce already used"));
        assertEquals("k2", auth.authenticate(signed("k2", "GET", "/api/v1/hosts", clock.millis(), "once", null), new byte[0]).keyId());
    }

    @Test
    void aBadSignatureDoesNotSpendTheNonce() {
        SignedRequest good = signed("k1", "GET", "/p", clock.millis(), "n1", null);
        refused(() -> auth.authenticate(new SignedRequest("GET", "/p", "k1", good.timestamp(), "n1", "bogus"), new byte[0]));
        assertEquals("k1", auth.authenticate(good, new byte[0]).keyId());
    }
}
