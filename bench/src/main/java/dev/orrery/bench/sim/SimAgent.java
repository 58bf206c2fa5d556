package dev.orrery.bench.sim;

import dev.orrery.api.HostTaskState;
import dev.orrery.protocol.Backoff;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.Ack;
import dev.orrery.protocol.Message.AckKind;
import dev.orrery.protocol.Message.Heartbeat;
import dev.orrery.protocol.Message.Hello;
import dev.orrery.protocol.Message.Redirect;
import dev.orrery.protocol.Message.Result;
import dev.orrery.protocol.Message.Role;
import dev.orrery.protocol.Message.Task;
import dev.orrery.protocol.Message.Welcome;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.apache.mina.core.session.IoSession;

/**
 * One simulated agent: the real agent's link and delivery on the wire (register, one channel
 * connection with heartbeats, jittered reconnects, redirects, acks, results resent until
 * {@code Ack STORED}); execution is simulated: a task succeeds at once with {@code ok <hostId>}.
 * A few dozen bytes of state and no thread of its own. Events arrive on I/O threads and the
 * fleet's timer thread; every method holds the agent's lock, never for I/O.
 */
final class SimAgent {
    private static final Random JITTER = new Random();

    final String hostId;
    final InetSocketAddress local;
    private final SimFleet fleet;
    private final Backoff backoff = new Backoff(SimConfig.RECONNECT_MIN_MILLIS, SimConfig.RECONNECT_MAX_MILLIS, JITTER);
    private List<InetSocketAddress> channels = List.of();
    private int tried;
    private int rounds;
    private int current = -1;
    private IoSession session;
    private boolean established;
    private long lastHeard;
    private long nextBeat;
    private int heartbeatMillis = SimConfig.HEARTBEAT_SECONDS * 1000;
    private String lastTaskId;
    private final SimOutbox outbox = new SimOutbox(JITTER);
    private volatile javax.net.ssl.SSLContext tls;
    private java.security.KeyPair keys;

    SimAgent(String hostId, InetSocketAddress local, SimFleet fleet) {
        this.hostId = hostId;
        this.local = local;
        this.fleet = fleet;
    }

    void register() {
        fleet.register(this);
    }

    /** @return this agent's client context once enrolled, {@code null} before (or without TLS) */
    javax.net.ssl.SSLContext tls() {
        return tls;
    }

    /** @return this agent's P-256 key pair, made at its first enrollment and kept for its retries */
    synchronized java.security.KeyPair keys() {
        if (keys == null) {
            keys = dev.orrery.tls.KeyPairs.ecP256();
        }
        return keys;
    }

    /** Enrolled: registers at once with its own certificate. */
    void enrolled(javax.net.ssl.SSLContext context) {
        tls = context;
        fleet.stats.enrolled.incrementAndGet();
        fleet.later(this::register, 0);
    }

    void registrationFailed() {
        fleet.stats.registerFailures.incrementAndGet();
        fleet.later(this::register, backoff.next());
    }

    void welcomed(Welcome w) {
        fleet.stats.registered.incrementAndGet();
        synchronized (this) {
            channels = fleet.channels(w.channels());
            if (channels.isEmpty()) {
                fleet.later(this::register, backoff.next());
                return;
            }
            heartbeatMillis = (w.heartbeatSeconds() > 0 ? w.heartbeatSeconds() : SimConfig.HEARTBEAT_SECONDS) * 1000;
            tried = 0;
            rounds = 0;
        }
        connectNext();
    }

    /** Connects to a random channel not tried yet; after three failed rounds, registers again. */
    void connectNext() {
        InetSocketAddress target;
        synchronized (this) {
            int n = Math.min(channels.size(), 31);
            if (n == 0) {
                fleet.later(this::register, 0);
                return;
            }
            if (Integer.bitCount(tried) >= n) {
                if (++rounds >= SimConfig.ROUNDS_BEFORE_REGISTERING) {
                    rounds = 0;
                    fleet.later(this::register, 0);
                    return;
                }
                tried = 0;
            }
            int pick = JITTER.nextInt(n - Integer.bitCount(tried));
            current = 0;
            for (int i = 0; i < n; i++) {
                if ((tried & (1 << i)) == 0 && pick-- == 0) {
                    current = i;
                    break;
                }
            }
            tried |= 1 << current;
            target = channels.get(current);
        }
        fleet.connectChannel(this, target);
    }

    void connectFailed() {
        fleet.stats.refused.incrementAndGet();
        fleet.later(this::connectNext, backoff.next());
    }

    synchronized void opened(IoSession s, String idc) {
        session = s;
        established = false;
        lastHeard = System.currentTimeMillis();
        nextBeat = lastHeard + heartbeatMillis;
        fleet.stats.open.incrementAndGet();
        s.write(new Hello(Role.AGENT, hostId, idc, "", SimConfig.VERSION));
        outbox.all().forEach(r -> send(s, r, true)); // as the real outbox does on every new connection
    }

    synchronized void received(IoSession s, Object message) {
        if (s != session) {
            return;
        }
        lastHeard = System.currentTimeMillis();
        markEstablished();
        if (message instanceof Task t) {
            onTask(s, t);
        } else if (message instanceof Ack a && a.kind() == AckKind.STORED && outbox.stored(a.taskId())) {
            fleet.stats.stored.incrementAndGet();
        } else if (message instanceof Ack a && a.kind() == AckKind.QUEUED) {
            outbox.queued(a.taskId(), lastHeard);
            fleet.stats.queued.incrementAndGet();
        } else if (message instanceof Redirect r) {
            onRedirect(s, r);
        } // heartbeats only prove the channel alive; cancels find the task already finished
    }

    private void onTask(IoSession s, Task t) {
        fleet.stats.tasks.incrementAndGet();
        s.write(new Ack(t.taskId(), t.hostId(), AckKind.RECEIVED));
        Result kept = outbox.get(t.taskId());
        if (kept != null || t.taskId().equals(lastTaskId)) {
            if (kept != null) {
                send(s, kept, true);
            }
            return; // a duplicate: never run twice
        }
        lastTaskId = t.taskId();
        long started = System.currentTimeMillis();
        s.write(new Ack(t.taskId(), t.hostId(), AckKind.RUNNING));
        Result r = new Result(t.taskId(), t.hostId(), HostTaskState.SUCCEEDED, 0,
                ("ok " + hostId + "\n").getBytes(StandardCharsets.UTF_8), new byte[0], false, null, null, started,
                System.currentTimeMillis());
        outbox.add(r, started);
        send(s, r, false);
    }

    private void onRedirect(IoSession s, Redirect r) {
        detach();
        s.closeNow();
        fleet.stats.redirects.incrementAndGet();
        long delay = JITTER.nextLong(SimConfig.RECONNECT_MIN_MILLIS + 1); // spread a shed crowd
        if (r.channels().isEmpty()) {
            fleet.later(this::register, delay);
            return;
        }
        channels = fleet.channels(r.channels());
        tried = 0;
        fleet.later(this::connectNext, delay);
    }

    synchronized void closed(IoSession s) {
        if (s != session) {
            return; // left on purpose (redirect)
        }
        if (!established) {
            fleet.stats.refused.incrementAndGet();
        }
        detach();
        tried = current >= 0 ? 1 << current : 0; // the others first, as the real agent
        fleet.later(this::connectNext, backoff.next());
    }

    /**
     * Heartbeat, silence check and result resends; called about once a second by the fleet's timer.
     * Decides under the agent's lock but writes and closes outside it: MINA's TLS filter delivers
     * messages while holding its own per-session lock, and {@link #received} then takes this one,
     * so writing under this lock (which needs the TLS lock) deadlocked the timer and an I/O thread.
     */
    void tick(long now) {
        IoSession s;
        Heartbeat beat = null;
        java.util.Collection<Result> due;
        synchronized (this) {
            s = session;
            if (s == null || !s.isConnected()) {
                return;
            }
            if (now - lastHeard > 3L * heartbeatMillis) {
                due = null; // silent for three periods
            } else {
                if (now >= nextBeat) {
                    beat = new Heartbeat(now);
                    nextBeat = now + heartbeatMillis;
                    markEstablished();
                }
                due = List.copyOf(outbox.due(now));
            }
        }
        if (due == null) {
            s.closeNow();
            return;
        }
        if (beat != null) {
            s.write(beat);
        }
        due.forEach(r -> send(s, r, true));
    }

    private void send(IoSession s, Message r, boolean again) {
        s.write(r);
        fleet.stats.results.incrementAndGet();
        if (again) {
            fleet.stats.resends.incrementAndGet();
        }
    }

    private void markEstablished() {
        if (!established) {
            established = true;
            backoff.reset();
            rounds = 0;
        }
    }

    private void detach() {
        session = null;
        fleet.stats.open.decrementAndGet();
    }

    /** Closes the channel session, if any (the process is stopping). */
    void close() {
        IoSession s;
        synchronized (this) {
            s = session;
        }
        if (s != null) {
            s.closeNow(); // outside the lock, as in tick
        }
    }
}
