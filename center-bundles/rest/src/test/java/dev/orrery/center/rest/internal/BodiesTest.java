package dev.orrery.center.rest.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import org.junit.jupiter.api.Test;

class BodiesTest {

    @Test
    void readsABodyWithinTheLimit() {
        byte[] body = new byte[2048];
        assertArrayEquals(body, Bodies.read(new ByteArrayInputStream(body), -1, 2048));
        assertArrayEquals(new byte[0], Bodies.read(null, -1, 2048));
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutReading() {
        InputStream never = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("must not be read");
            }
        };
        OrreryException e = assertThrows(OrreryException.class, () -> Bodies.read(never, 4097, 4096));
        assertEquals(ErrorCode.BODY_TOO_LARGE, e.code());
    }

    @Test
    void refusesAnUndeclaredBodyAsSoonAsItPassesTheLimit() {
        OrreryException e = assertThrows(OrreryException.class, () -> Bodies.read(new ByteArrayInputStream(new byte[5000]), -1, 4096));
        assertEquals(ErrorCode.BODY_TOO_LARGE, e.code());
    }

    @Test
    void theSignedTargetIsTheRawPathAndQuery() {
        assertEquals("/api/v1/hosts", RawTarget.pathOf("http://127.0.0.1:8181/api/v1/hosts"));
        assertEquals("/api/v1/hosts/a%2Fb", RawTarget.pathOf("https://center:8443/api/v1/hosts/a%2Fb"));
        assertEquals("/", RawTarget.pathOf("http://host"));
        assertEquals("/api/v1/hosts?q=a%20b", RawTarget.of(null, URI.create("http://h/api/v1/hosts?q=a%20b")));
        assertEquals("/api/v1/x", RawTarget.of(null, URI.create("http://h/api/v1/x")));
    }
}
