package dev.orrery.plugin.portcheck.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PortCheckPluginTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final PortCheckPlugin plugin = new PortCheckPlugin();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final FakeContext context = new FakeContext();
    private final List<AutoCloseable> closeLater = new ArrayList<>();
    private ServerSocket open;

    @BeforeEach
    void listen() throws IOException {
        open = new ServerSocket(0, 50, LOOPBACK);
        closeLater.add(open);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeLater) {
            c.close();
        }
    }

    @Test
    void anOpenPort() {
        assertEquals(0, run("127.0.0.1:" + open.getLocalPort()));
        assertTrue(output().matches("127\\.0\\.0\\.1:" + open.getLocalPort() + " open \\d+ ms\nsummary: 1 of 1 open\n"),
                output());
    }

    @Test
    void aClosedPortFailsTheRun() throws IOException {
        int closed = closedPort();
        assertEquals(1, run("127.0.0.1:" + open.getLocalPort(), "localhost:" + closed));
        List<String> lines = output().lines().toList();
        assertTrue(lines.get(0).startsWith("127.0.0.1:" + open.getLocalPort() + " open "), output());
        assertEquals("localhost:" + closed + " closed (Connection refused)", lines.get(1));
        assertEquals("summary: 1 of 2 open", lines.get(2));
    }

    @Test
    void aPortThatDoesNotAnswerTimesOut() throws IOException {
        int full = fullBacklogPort();
        long start = System.nanoTime();
        assertEquals(1, run("--timeout=1", "127.0.0.1:" + full));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertEquals("127.0.0.1:" + full + " timeout\nsummary: 0 of 1 open\n", output());
        assertTrue(seconds < 5, "took " + seconds + " s");
    }

    @Test
    void anUnknownHost() {
        assertEquals(1, run("no-such-host.invalid:22"));
        assertTrue(output().startsWith("no-such-host.invalid:22 unknown host\n"), output());
    }

    @Test
    void badArgumentsPrintTheReasonAndTheUsage() {
        assertEquals(2, run("localhost"));
        assertTrue(output().startsWith("port-check: not HOST:PORT: 'localhost'\nusage: port-check [--timeout=S]"),
                output());
    }

    @Test
    void cancellationAbortsTheConnectInProgress() throws Exception {
        int full = fullBacklogPort();
        ScheduledExecutorService cancel = Executors.newSingleThreadScheduledExecutor();
        try {
            cancel.schedule(context::cancel, 300, TimeUnit.MILLISECONDS);
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                    () -> run("--timeout=30", "127.0.0.1:" + full, "127.0.0.1:" + open.getLocalPort()));
            assertEquals(1, exit.get(10, TimeUnit.SECONDS));
        } finally {
            cancel.shutdownNow();
        }
        assertEquals("port-check: cancelled after 0 of 2 checks\n", output());
    }

    @Test
    void cancellationIsHonouredBetweenChecks() {
        // The agent cancels while the first line is being written.
        PrintStream cancelling = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
                if (b == '\n') {
                    context.cancel();
                }
            }
        }, true, StandardCharsets.UTF_8);
        String target = "127.0.0.1:" + open.getLocalPort();
        assertEquals(1, plugin.run(List.of(target, target, target), Map.of(), cancelling, context));
        List<String> lines = output().lines().toList();
        assertEquals(2, lines.size(), output());
        assertTrue(lines.get(0).startsWith(target + " open "), output());
        assertEquals("port-check: cancelled after 1 of 3 checks", lines.get(1));
    }

    @Test
    void anAlreadyCancelledTaskChecksNothing() {
        context.cancel();
        assertEquals(1, run("127.0.0.1:" + open.getLocalPort()));
        assertFalse(output().contains(" open "), output());
    }

    private int run(String... args) {
        return plugin.run(List.of(args), Map.of(), out, context);
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A port nothing listens on: bound, then closed. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            return s.getLocalPort();
        }
    }

    /**
     * A listener that never accepts, with its accept queue filled: Linux then drops further SYNs,
     * so a connect neither succeeds nor is refused until its timeout.
     */
    private int fullBacklogPort() throws IOException {
        ServerSocket server = new ServerSocket(0, 1, LOOPBACK);
        closeLater.add(server);
        for (int i = 0; i < 16; i++) {
            Socket client = new Socket();
            closeLater.add(client);
            try {
                client.connect(new InetSocketAddress(LOOPBACK, server.getLocalPort()), 300);
            } catch (SocketTimeoutException full) {
                return server.getLocalPort();
            }
        }
        throw new IllegalStateException("the accept queue never filled");
    }
}
