package dev.orrery.channel.relay.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.protocol.Frames;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.OrreryProtocol;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.mina.core.future.ConnectFuture;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioSocketConnector;
import org.junit.jupiter.api.Test;

/**
 * No thundering herd: a crowd of agents connecting to one channel at the same instant is
 * admitted at the configured rate (the rest retry after a jittered backoff), every agent ends up
 * connected, and an agent already connected keeps getting its heartbeats answered throughout.
 * Defaults: 2,000 agents at 1,000 admissions/s, in this JVM. Larger runs (the clients then run
 * in a child JVM, so that neither process nears 20,000 open files):
 * {@code mvn -o test -pl channel-bundles/relay -Dtest=HerdTest -Dorrery.herd.agents=10000 -Dorrery.herd.rate=500}.
 */
class HerdTest extends ChannelTestSupport {
    private static final int BURST = 50;

    @Test
    void aHerdIsAdmittedAtTheRateAndTheChannelStaysResponsive() throws Exception {
        int n = Integer.getInteger("orrery.herd.agents", 2_000);
        int rate = Integer.getInteger("orrery.herd.rate", 1_000);
        boolean fork = n > 6_000 || Boolean.getBoolean("orrery.herd.fork");
        startChannel(settings(10, 10).withRates(rate, BURST, 200));
        Duration limit = Duration.ofSeconds(n / rate + 30);
        try (Probe probe = new Probe(channel.port(), channel.admission())) {
            probe.start();
            HerdClients.Figures figures = fork ? forked(n, limit) : inProcess(n, limit);
            probe.stop();
            int channelMax = probe.maxAdmittedInOneSecond();
            List<Long> rtt = probe.rttMillis();
            Collections.sort(rtt);
            System.out.printf("HERD %s%nHERD channel: %d admitted, %d refused, at most %d admitted in any one second "
                    + "(rate %d/s, burst %d); heartbeat round trips during the storm: %d, median %d ms, max %d ms%n", figures,
                    channel.admission().admitted(), channel.admission().refused(), channelMax, rate, BURST, rtt.size(),
                    rtt.get(rtt.size() / 2), rtt.get(rtt.size() - 1));
            assertEquals(n, figures.agents());
            assertEquals(n + 1, channel.admission().admitted(), "every agent admitted exactly once");
            // measured at the channel, sampled every 50 ms: a window is at most 1.05 s long
            assertTrue(channelMax <= rate * 1.1 + BURST, "admission rate exceeded: " + channelMax + " in one second");
            assertTrue(figures.perSecond() <= rate * 1.1 + BURST, "admission rate exceeded: " + figures);
            assertTrue(rtt.size() >= 5, "the probe measured the storm");
            assertTrue(rtt.get(rtt.size() - 1) < 2_000, "the channel stopped answering heartbeats: " + rtt);
        }
    }

    private HerdClients.Figures inProcess(int n, Duration limit) {
        try (HerdClients herd = new HerdClients("127.0.0.1", channel.port(), n, 100, 3_000)) {
            herd.storm();
            await().atMost(limit).until(() -> herd.admitted() == n);
            awaitAllOnTheChannel(n);
            return herd.figures();
        }
    }

    private void awaitAllOnTheChannel(int n) {
        await().atMost(Duration.ofSeconds(10)).alias("every agent on the channel").until(channel::agentCount, c -> c == n + 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> center.lastReport().hostIds().size() == n + 1);
    }

    /** Runs the clients in a child JVM and reads the figures it prints; closing its stdin ends it. */
    private HerdClients.Figures forked(int n, Duration limit) throws Exception {
        String cp = System.getProperty("surefire.real.class.path", System.getProperty("java.class.path"));
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(java, "-cp", cp, HerdClients.class.getName(), "127.0.0.1",
                String.valueOf(channel.port()), String.valueOf(n)).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String last = "no output";
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                last = line;
                if (line.startsWith("HERD")) {
                    System.out.println(line);
                }
                if (line.startsWith("HERD-DATA")) {
                    break;
                }
            }
            assertTrue(last.startsWith("HERD-DATA") && !last.contains("incomplete"), last);
            awaitAllOnTheChannel(n);
            p.getOutputStream().close();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the herd process did not finish");
            String[] w = last.split(" "); // HERD-DATA agents seconds perSecond maxInOneSecond attempts
            return new HerdClients.Figures(Integer.parseInt(w[1]), Double.parseDouble(w[2]), Double.parseDouble(w[3]),
                    Integer.parseInt(w[4]), Long.parseLong(w[5]));
        } finally {
            p.destroyForcibly();
        }
    }

    /** An agent connected before the storm that measures heartbeat round trips during it. */
    private static final class Probe implements AutoCloseable {
        private final NioSocketConnector connector = new NioSocketConnector(1);
        private final BlockingQueue<Message> replies = new LinkedBlockingQueue<>();
        private final List<Long> rtt = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final IoSession session;
        private final Admission admission;
        private final List<long[]> samples = new CopyOnWriteArrayList<>(); // {nanoTime, admitted}
        private Thread pinger;
        private Thread sampler;

        Probe(int port, Admission admission) throws InterruptedException {
            this.admission = admission;
            OrreryProtocol.install(connector.getFilterChain(), Frames.DEFAULT_MAX_PAYLOAD);
            connector.setHandler(new IoHandlerAdapter() {
                @Override
                public void messageReceived(IoSession s, Object message) {
                    replies.add((Message) message);
                }
            });
            ConnectFuture f = connector.connect(new InetSocketAddress("127.0.0.1", port));
            f.awaitUninterruptibly(10_000);
            session = f.getSession();
            session.write(new Message.Hello(Message.Role.AGENT, "probe", "idc-t", "", "probe"));
            assertTrue(ping() >= 0, "the probe was admitted");
            rtt.clear();
        }

        void start() {
            pinger = new Thread(() -> {
                while (running.get()) {
                    try {
                        long r = ping();
                        if (r < 0) {
                            rtt.add(Long.MAX_VALUE / 2); // no answer within 5 s
                        }
                        replies.poll(50, TimeUnit.MILLISECONDS); // pace the pings
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "herd-probe");
            pinger.start();
            sampler = new Thread(() -> {
                BlockingQueue<Object> tick = new LinkedBlockingQueue<>();
                while (running.get()) {
                    samples.add(new long[] {System.nanoTime(), admission.admitted()});
                    try {
                        tick.poll(50, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "herd-sampler");
            sampler.start();
        }

        /** @return the most sessions the channel admitted between two samples at most one second apart */
        int maxAdmittedInOneSecond() {
            int max = 0;
            for (int i = 0, j = 0; j < samples.size(); j++) {
                while (samples.get(j)[0] - samples.get(i)[0] > TimeUnit.SECONDS.toNanos(1)) {
                    i++;
                }
                max = (int) Math.max(max, samples.get(j)[1] - samples.get(i)[1]);
            }
            return max;
        }

        /** @return the round trip in ms, or -1 without an answer within 5 s */
        long ping() throws InterruptedException {
            long t0 = System.nanoTime();
            session.write(new Message.Heartbeat(System.currentTimeMillis()));
            Message m = replies.poll(5, TimeUnit.SECONDS);
            if (!(m instanceof Message.Heartbeat)) {
                return -1;
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            rtt.add(ms);
            return ms;
        }

        void stop() throws InterruptedException {
            running.set(false);
            pinger.join(10_000);
            sampler.join(10_000);
        }

        List<Long> rttMillis() {
            return new ArrayList<>(rtt);
        }

        @Override
        public void close() throws InterruptedException {
            if (pinger != null) {
                stop();
            }
            session.closeNow().awaitUninterruptibly(5_000);
            connector.dispose(true);
        }
    }
}
