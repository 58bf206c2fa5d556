package dev.orrery.agent.core.internal;

import dev.orrery.agent.api.StatusSource;
import dev.orrery.protocol.Message.Status;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the host's status: after each Hello one {@link Status} with every section, then every
 * {@code statusSeconds} only the sections whose JSON text changed (nothing when none did). The
 * core's own {@value StatusSources#AGENT} section goes when something material changed
 * ({@link AgentSection#material()}), else at most every {@code statusFullSeconds}. A source that
 * fails is left out (logged once). Runs on the agent's monitor thread only.
 */
final class StatusReporter {
    private static final Logger LOG = LoggerFactory.getLogger(StatusReporter.class);

    private final StatusSources sources;
    private final ChannelUplink uplink;
    private final Supplier<String> hostId;
    private final Supplier<AgentSection> agent;
    private final long fullNanos;
    private final Map<String, String> sent = new HashMap<>();
    private final Set<String> failing = new HashSet<>();
    private String agentMaterial = "";
    private long agentSentAt;

    /**
     * @param sources the whiteboard
     * @param uplink the current channel connection
     * @param hostId the host id the center knows this host by
     * @param agent the core's own section now
     * @param fullSeconds the longest time the agent section goes unsent
     */
    StatusReporter(StatusSources sources, ChannelUplink uplink, Supplier<String> hostId, Supplier<AgentSection> agent,
            int fullSeconds) {
        this.sources = sources;
        this.uplink = uplink;
        this.hostId = hostId;
        this.agent = agent;
        this.fullNanos = TimeUnit.SECONDS.toNanos(fullSeconds);
    }

    /** A channel connection opened (its Hello sent): every section. */
    void connected() {
        report(true);
    }

    /** The status interval: the sections that changed. */
    void tick() {
        report(false);
    }

    private void report(boolean all) {
        if (uplink.current().isEmpty()) {
            return; // the next connection sends everything
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, StatusSource> e : sources.snapshot().entrySet()) {
            String json = read(e.getKey(), e.getValue());
            if (json != null && (all || !json.equals(sent.get(e.getKey())))) {
                out.put(e.getKey(), json);
            }
        }
        AgentSection a = agent.get();
        String material = a.material();
        long now = System.nanoTime();
        if (all || !material.equals(agentMaterial) || now - agentSentAt >= fullNanos) {
            out.put(StatusSources.AGENT, a.json());
            agentMaterial = material;
            agentSentAt = now;
        }
        if (!out.isEmpty()) {
            uplink.send(new Status(hostId.get(), out));
            sent.putAll(out);
        }
    }

    private String read(String section, StatusSource source) {
        try {
            String json = source.json();
            if (json != null && !json.isBlank()) {
                failing.remove(section);
                return json;
            }
            throw new IllegalStateException("no JSON");
        } catch (RuntimeException | LinkageError e) {
            if (failing.add(section)) {
                LOG.warn("The status source of section '{}' failed: {}; left out until it works", section, e.toString());
            }
            return null;
        }
    }
}
