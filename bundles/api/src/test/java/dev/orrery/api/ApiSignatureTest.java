package dev.orrery.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiSignatureTest {

    @Test
    void canonicalIsFiveLinesWithBodyHash() {
        String c = ApiSignature.canonical("POST", "/api/v1/cmd?x=1", "1700000000000", "n1", "{}".getBytes(StandardCharsets.UTF_8));
        String[] lines = c.split("\n", -1);
        assertEquals(5, lines.length);
        assertEquals("POST", lines[0]);
        assertEquals("/api/v1/cmd?x=1", lines[1]);
        assertEquals("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", lines[4]);
    }

    @Test
    void emptyBodyHashesTheEmptyString() {
        String c = ApiSignature.canonical("GET", "/api/v1/hosts", "1", "n", null);
        assertTrue(c.endsWith("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    @Test
    void knownVector() {
        // HMAC-SHA256("secret", "GET\n/api/v1/hosts\n1\nn\n<sha256 of empty>") computed independently with openssl
        String sig = ApiSignature.sign("secret", "GET", "/api/v1/hosts", "1", "n", new byte[0]);
        assertEquals("Bt3kMASll33mmScGoqU2MSkH/PqwA7J3TuhkoNClHHM=", sig);
        assertEquals(sig, ApiSignature.sign("secret", "GET", "/api/v1/hosts", "1", "n", null));
        assertNotEquals(sig, ApiSignature.sign("secret2", "GET", "/api/v1/hosts", "1", "n", null));
        assertNotEquals(sig, ApiSignature.sign("secret", "GET", "/api/v1/hosts?", "1", "n", null));
    }

    @Test
    void matchesIsExact() {
        assertTrue(ApiSignature.matches("abc", "abc"));
        assertFalse(ApiSignature.matches("abc", "abd"));
        assertFalse(ApiSignature.matches("abc", null));
    }
}
