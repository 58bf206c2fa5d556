package dev.orrery.center.link.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.junit.jupiter.api.Test;

/** The link closes new connections at once while it holds as many as it may. */
class SessionCapTest {
    @Test
    void readsTheSoftOpenFileLimit() {
        String limits = "Limit                     Soft Limit           Hard Limit           Units     \n"
                + "Max cpu time              unlimited            unlimited            seconds   \n"
                + "Max open files            20000                40000                files     \n";
        assertEquals(20000, SessionCap.openFileLimit(limits));
        assertEquals(SessionCap.DEFAULT_OPEN_FILES, SessionCap.openFileLimit(""));
        assertEquals(SessionCap.DEFAULT_OPEN_FILES, SessionCap.openFileLimit("Max open files  unlimited  unlimited  files"));
        assertThrows(IllegalArgumentException.class, () -> new SessionCap(0));
    }

    @Test
    void closesConnectionsOverTheCapBeforeTheHandlerSeesThem() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        SessionCap cap = new SessionCap(2);
        NioSocketAcceptor acceptor = new NioSocketAcceptor(1);
        acceptor.getFilterChain().addFirst("cap", cap);
        acceptor.setHandler(new IoHandlerAdapter() {
            @Override
            public void sessionOpened(IoSession session) {
                opened.incrementAndGet();
            }
        });
        acceptor.bind(new InetSocketAddress("127.0.0.1", 0));
        int port = acceptor.getLocalAddress().getPort();
        try (Socket a = new Socket("127.0.0.1", port); Socket b = new Socket("127.0.0.1", port)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> opened.get() == 2);
            try (Socket c = new Socket("127.0.0.1", port)) {
                c.setSoTimeout(10_000);
                assertEquals(-1, c.getInputStream().read(), "the third connection is closed at once");
            }
            assertEquals(1, cap.refused());
            assertEquals(2, opened.get());
            a.setSoTimeout(300);
            InputStream in = a.getInputStream();
            assertThrows(SocketTimeoutException.class, in::read, "the first ones stay open");
        } finally {
            acceptor.dispose(true);
        }
    }
}
