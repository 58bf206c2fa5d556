package dev.orrery.channel.relay.internal;

import dev.orrery.protocol.Backoff;
import dev.orrery.protocol.Frames;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.OrreryProtocol;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.mina.core.future.ConnectFuture;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioSocketConnector;

/**
 * A herd of simulated agents in one JVM: each connects to a channel, says Hello and a heartbeat,
 * counts as admitted when the heartbeat is answered, and after a refusal (the channel closes the
 * session) or a failed connect retries after a jittered exponential {@link Backoff}, as the real
 * agent does. Used in-process by {@link HerdTest}, or as a separate process (see {@link #main})
 * when the herd is too large to share a JVM's 20,000 open files with the channel.
 */
final class HerdClients implements AutoCloseable {
    private static final String AGENT = "herd.agent";

    private final NioSocketConnector connector = new NioSocketConnector(2);
    private final ScheduledExecutorService retries = Executors.newScheduledThreadPool(2);
    private final InetSocketAddress channel;
    private final long[] admittedAt;
    private final AtomicInteger admitted = new AtomicInteger();
    private final AtomicLong attempts = new AtomicLong();
    private final long minBackoffMs;
    private final long maxBackoffMs;
    private long startNanos;

    private final class Agent {
        final int index;
        final Backoff backoff = new Backoff(minBackoffMs, maxBackoffMs);
        volatile boolean in;

        Agent(int index) {
            this.index = index;
        }

        void connect() {
            attempts.incrementAndGet();
            connector.connect(channel).addListener(f -> {
                ConnectFuture cf = (ConnectFuture) f;
                if (!cf.isConnected()) {
                    retry();
                    return;
                }
                IoSession s = cf.getSession();
                s.setAttribute(AGENT, this);
                s.write(new Message.Hello(Message.Role.AGENT, "herd-" + index, "idc-t", "", "herd"));
                s.write(new Message.Heartbeat(System.currentTimeMillis()));
            });
        }

        void retry() {
            retries.schedule(this::connect, backoff.next(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * @param host the channel's host
     * @param port the channel's agent port
     * @param agents how many agents
     * @param minBackoffMs smallest retry delay
     * @param maxBackoffMs largest retry delay
     */
    HerdClients(String host, int port, int agents, long minBackoffMs, long maxBackoffMs) {
        this.channel = new InetSocketAddress(host, port);
        this.admittedAt = new long[agents];
        this.minBackoffMs = minBackoffMs;
        this.maxBackoffMs = maxBackoffMs;
        OrreryProtocol.install(connector.getFilterChain(), Frames.DEFAULT_MAX_PAYLOAD);
        connector.setConnectTimeoutMillis(10_000);
        connector.setHandler(new IoHandlerAdapter() {
            @Override
            public void messageReceived(IoSession s, Object message) {
                Agent a = (Agent) s.getAttribute(AGENT);
                if (message instanceof Message.Heartbeat && a != null && !a.in) {
                    a.in = true;
                    admittedAt[a.index] = System.nanoTime();
                    admitted.incrementAndGet();
                }
            }

            @Override
            public void sessionClosed(IoSession s) {
                Agent a = (Agent) s.getAttribute(AGENT);
                if (a != null && !a.in) {
                    a.retry(); // refused: back off, then try again
                }
            }

            @Override
            public void exceptionCaught(IoSession s, Throwable cause) {
                s.closeNow();
            }
        });
    }

    /** Connects every agent at once; admitted agents then send a heartbeat every 5 s, as real ones do. */
    void storm() {
        retries.scheduleWithFixedDelay(() -> connector.getManagedSessions().values().forEach(s -> {
            if (s.getAttribute(AGENT) instanceof Agent a && a.in) {
                s.write(new Message.Heartbeat(System.currentTimeMillis()));
            }
        }), 5, 5, TimeUnit.SECONDS);
        startNanos = System.nanoTime();
        for (int i = 0; i < admittedAt.length; i++) {
            new Agent(i).connect();
        }
    }

    int admitted() {
        return admitted.get();
    }

    /** @return the figures of the storm, once every agent is in */
    Figures figures() {
        long[] t = admittedAt.clone();
        Arrays.sort(t);
        int maxInOneSecond = 0;
        for (int i = 0, j = 0; j < t.length; j++) {
            while (t[j] - t[i] > TimeUnit.SECONDS.toNanos(1)) {
                i++;
            }
            maxInOneSecond = Math.max(maxInOneSecond, j - i + 1);
        }
        double seconds = (t[t.length - 1] - startNanos) / 1e9;
        return new Figures(t.length, seconds, t.length / seconds, maxInOneSecond, attempts.get());
    }

    /**
     * @param agents agents admitted
     * @param seconds from the storm's start to the last admission
     * @param perSecond average admissions per second
     * @param maxInOneSecond most admissions within any one second
     * @param attempts connection attempts, refusals included
     */
    record Figures(int agents, double seconds, double perSecond, int maxInOneSecond, long attempts) {
        @Override
        public String toString() {
            return String.format("%d agents connected in %.2f s: %.0f admitted/s on average, at most %d in any one second, "
                    + "%d connection attempts (%d refused and retried with backoff)", agents, seconds, perSecond, maxInOneSecond,
                    attempts, attempts - agents);
        }
    }

    @Override
    public void close() {
        retries.shutdownNow();
        List<IoSession> open = new ArrayList<>(connector.getManagedSessions().values());
        open.forEach(IoSession::closeNow);
        connector.dispose(true);
    }

    /**
     * A herd in its own process: {@code HerdClients <host> <port> <agents>}. Prints the figures
     * once every agent is admitted and stays connected until its stdin closes, then exits 0;
     * exits 1 if the herd is not in after 5 minutes.
     *
     * @param args host, port, number of agents
     */
    public static void main(String[] args) throws Exception {
        try (HerdClients herd = new HerdClients(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]), 200, 5_000)) {
            herd.storm();
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (herd.admitted() < herd.admittedAt.length && System.nanoTime() < end) {
                TimeUnit.MILLISECONDS.sleep(100); // a command-line wait, not a test
            }
            boolean all = herd.admitted() == herd.admittedAt.length;
            if (all) {
                Figures f = herd.figures();
                System.out.println("HERD " + f);
                System.out.printf(java.util.Locale.ROOT, "HERD-DATA %d %.3f %.3f %d %d%n", f.agents(), f.seconds(),
                        f.perSecond(), f.maxInOneSecond(), f.attempts());
            } else {
                System.out.println("HERD-DATA incomplete: " + herd.admitted() + " admitted");
            }
            System.out.flush();
            while (all && System.in.read() != -1) {
                // stay connected until the parent closes our stdin (it checks the channel meanwhile)
            }
            System.exit(all ? 0 : 1);
        }
    }
}
