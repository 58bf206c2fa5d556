package dev.orrery.bench.baseline;

import dev.orrery.bench.Args;
import dev.orrery.bench.Command;
import dev.orrery.bench.StatusLine;
import dev.orrery.bench.sim.AddressPlan;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.future.ConnectFuture;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioSocketConnector;

/**
 * {@code bench echo-clients}: the transport baseline's clients. Opens {@code --count}
 * connections spread over the echo servers and loopback source addresses exactly as the
 * simulated agents are spread ({@code @connected n=} when all are open, untimed), then on each
 * {@code go} sends one payload on every connection and prints {@code @done round= n= micros=} once
 * every echo of that round is back (the driver sends a warm-up round first). Standard input
 * {@code stop} (or its end) ends it.
 */
public final class EchoClientsCommand implements Command {
    private static final String RECEIVED = "echo.received";

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Args a = Args.parse(args, Set.of("servers", "first", "count", "per-address", "payload", "io-threads"), Set.of());
        List<InetSocketAddress> servers = new ArrayList<>();
        for (String s : a.string("servers", "127.0.0.1:7800").split(",")) {
            servers.add(new InetSocketAddress(s.substring(0, s.lastIndexOf(':')), Integer.parseInt(s.substring(s.lastIndexOf(':') + 1))));
        }
        int first = a.integer("first", 0, 0, 10_000_000);
        int count = a.integer("count", 100, 1, 100_000);
        int perAddress = a.integer("per-address", AddressPlan.DEFAULT_PER_ADDRESS, 1, 28_000);
        int payload = a.integer("payload", 160, 1, 1 << 20);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger round = new AtomicInteger();
        long[] start = new long[1];
        NioSocketConnector connector = new NioSocketConnector(a.integer("io-threads", 2, 1, 64));
        connector.getSessionConfig().setTcpNoDelay(true);
        connector.setConnectTimeoutMillis(30_000);
        connector.setHandler(new IoHandlerAdapter() {
            @Override
            public void messageReceived(IoSession s, Object message) {
                int n = ((IoBuffer) message).remaining();
                int got = ((AtomicInteger) s.getAttribute(RECEIVED)).addAndGet(n);
                long goal = (long) payload * round.get();
                if (got >= goal && got - n < goal && done.incrementAndGet() == count) {
                    out.println(StatusLine.of("done", "round", round.get(), "n", count, "micros",
                            (System.nanoTime() - start[0]) / 1000).format());
                    out.flush();
                }
            }

            @Override
            public void exceptionCaught(IoSession s, Throwable cause) {
                s.closeNow();
            }
        });
        try {
            List<IoSession> sessions = connectAll(connector, servers, first, count, perAddress, out);
            byte[] bytes = new byte[payload];
            Arrays.fill(bytes, (byte) 'x');
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.trim().equals("stop"); line = in.readLine()) {
                if (line.trim().equals("go")) {
                    done.set(0);
                    round.incrementAndGet();
                    start[0] = System.nanoTime();
                    for (IoSession s : sessions) {
                        s.write(IoBuffer.wrap(bytes.clone()));
                    }
                }
            }
        } finally {
            connector.dispose(true);
        }
        return 0;
    }

    private static List<IoSession> connectAll(NioSocketConnector connector, List<InetSocketAddress> servers, int first,
            int count, int perAddress, PrintStream out) throws InterruptedException {
        Semaphore inFlight = new Semaphore(1000); // untimed: no need to overflow the servers' backlog
        List<ConnectFuture> futures = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            inFlight.acquire();
            ConnectFuture f = connector.connect(servers.get(i % servers.size()),
                    new InetSocketAddress(AddressPlan.sourceOf(i, perAddress), 0),
                    (session, future) -> session.setAttribute(RECEIVED, new AtomicInteger()));
            f.addListener(x -> inFlight.release());
            futures.add(f);
        }
        List<IoSession> sessions = new ArrayList<>();
        for (ConnectFuture f : futures) {
            f.awaitUninterruptibly();
            if (!f.isConnected()) {
                throw new IllegalStateException("echo connection failed: " + f.getException());
            }
            sessions.add(f.getSession());
        }
        out.println(StatusLine.of("connected", "n", sessions.size()).format());
        out.flush();
        return sessions;
    }
}
