package dev.orrery.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Pattern;

/** Hostile-input helpers: garbage on a protocol port, and the stack-trace check on response bodies. */
final class Garbage {
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s*at [\\w$.]+\\(");

    private Garbage() {
    }

    /**
     * Sends bytes that cannot start an Orrery frame (bad magic, then noise) and expects the server
     * to close the connection within 10 seconds.
     */
    static void assertConnectionClosed(int port) throws IOException {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            try {
                out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.write(noise);
                out.flush();
            } catch (SocketException closedWhileWriting) {
                return;
            }
            try {
                byte[] buf = new byte[1024];
                while (true) {
                    if (in.read(buf) < 0) {
                        return;
                    }
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("port " + port + " kept a connection open after garbage", e);
            } catch (SocketException reset) {
                return;
            }
        }
    }

    /** No body may carry a Java stack trace or exception class names. */
    static void assertNoStackTrace(String body) {
        assertFalse("stack frame in " + body, STACK_FRAME.matcher(body).find());
        assertFalse("stack frame in " + body, body.contains("at dev.orrery"));
        assertFalse("exception in " + body, body.contains("Exception"));
        assertEquals("no trace lines", -1, body.indexOf("\tat "));
    }
}
