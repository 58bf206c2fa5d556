package dev.orrery.channel.relay.internal;

import dev.orrery.protocol.Message.Redirect;
import dev.orrery.protocol.Message.Shed;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the center's {@link Shed} requests: asks agents that have nothing in flight to
 * reconnect to another channel, at a bounded rate. Each moved agent gets a {@link Redirect} to
 * exactly one target, the targets taken in turn (the center repeats a target in the list to
 * weight it), so the moved agents spread as the center planned. A new request replaces the one
 * being carried out: the center always asks with figures from the latest reports. An agent
 * that ignores its redirect is closed after {@link #GRACE_MS}. All work runs on the scheduler
 * thread.
 */
final class Shedder {
    /** How long a redirected agent may keep its session before the channel closes it, ms. */
    static final long GRACE_MS = 5_000;
    private static final long TICK_MS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(Shedder.class);

    private final AgentSessions agents;
    private final Predicate<String> idle;
    private final ScheduledExecutorService scheduler;
    private final int perTick;
    private final AtomicLong redirected = new AtomicLong();
    private Plan plan; // scheduler thread only

    /** What is left of one request. */
    private static final class Plan {
        final Deque<String> candidates;
        final List<String> targets;
        final String reason;
        int remaining;
        int next;

        Plan(Deque<String> candidates, int remaining, List<String> targets, String reason) {
            this.candidates = candidates;
            this.remaining = remaining;
            this.targets = targets;
            this.reason = reason;
        }
    }

    /**
     * @param agents the connected agents
     * @param idle tells whether a host has nothing in flight
     * @param scheduler the thread that sends the redirects
     * @param perSecond most redirects sent per second
     */
    Shedder(AgentSessions agents, Predicate<String> idle, ScheduledExecutorService scheduler, int perSecond) {
        this.agents = agents;
        this.idle = idle;
        this.scheduler = scheduler;
        this.perTick = Math.max(1, (int) Math.ceil(perSecond * TICK_MS / 1000.0));
    }

    /** Starts sending redirects every {@link #TICK_MS}. */
    void start() {
        scheduler.scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** @param shed a request from the center; callable from any thread, never blocks */
    void shed(Shed shed) {
        try {
            scheduler.execute(() -> accept(shed));
        } catch (RejectedExecutionException stopping) {
            // the channel is stopping: its agents go elsewhere anyway
        }
    }

    /** @return agents redirected since start */
    long redirected() {
        return redirected.get();
    }

    private void accept(Shed shed) {
        if (!shed.hostIds().isEmpty()) {
            plan = new Plan(new ArrayDeque<>(shed.hostIds()), shed.hostIds().size(), shed.targets(), shed.reason());
        } else if (shed.count() > 0) {
            List<String> all = new ArrayList<>(agents.hostIds());
            Collections.shuffle(all); // no bias towards some hosts across repeated requests
            plan = new Plan(new ArrayDeque<>(all), shed.count(), shed.targets(), shed.reason());
        } else {
            plan = null;
        }
        LOG.info("Shedding {} agents to {} ({})", plan == null ? 0 : plan.remaining, shed.targets(), shed.reason());
    }

    private void tick() {
        Plan p = plan;
        int sent = 0;
        while (p != null && sent < perTick && p.remaining > 0 && !p.candidates.isEmpty()) {
            String hostId = p.candidates.poll();
            List<String> to = p.targets.isEmpty() ? List.of() : List.of(p.targets.get(p.next % p.targets.size()));
            IoSession s = agents.redirectIfIdle(hostId, idle, new Redirect(to, p.reason));
            if (s != null) {
                sent++;
                p.next++;
                p.remaining--;
                redirected.incrementAndGet();
                scheduler.schedule(() -> s.closeNow(), GRACE_MS, TimeUnit.MILLISECONDS);
            }
        }
        if (p != null && (p.remaining == 0 || p.candidates.isEmpty())) {
            if (p.remaining > 0) {
                LOG.info("Shed request done with {} agents left unmoved (busy or gone)", p.remaining);
            }
            plan = null;
        }
    }
}
