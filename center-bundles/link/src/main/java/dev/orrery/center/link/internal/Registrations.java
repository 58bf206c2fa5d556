package dev.orrery.center.link.internal;

import dev.orrery.api.HostStatus;
import dev.orrery.center.store.HostRecord;
import dev.orrery.center.store.HostStore;
import dev.orrery.protocol.Message;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registrations waiting to be recorded, in {@link Batches} (over the bounded queue the agent is
 * refused at once and retries after its backoff): each batch is recorded in one transaction (one
 * at a time if that fails), then each agent is welcomed with the healthy channels of its IDC
 * and the center's task-signing key. Thread-safe.
 */
final class Registrations {
    static final int MAX_BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(Registrations.class);

    /** A registration and the session to answer on. */
    record Pending(IoSession session, Message.Register register) {
    }

    private final Batches<Pending> batches;
    private final HostStore store;
    private final ChannelRegistry registry;
    private final HostIdcs idcs;
    private final Supplier<byte[]> taskKey;
    private final int heartbeatSeconds;
    private final long staleMillis;

    /**
     * @param store where hosts are recorded
     * @param registry the connected channels offered to agents
     * @param idcs the hosts' IDCs, updated on registration
     * @param settings threads, queue, heartbeat and channel health
     * @param taskKey the center's task-signing public key
     */
    Registrations(HostStore store, ChannelRegistry registry, HostIdcs idcs, LinkSettings settings, Supplier<byte[]> taskKey) {
        this.store = store;
        this.registry = registry;
        this.idcs = idcs;
        this.taskKey = taskKey;
        this.heartbeatSeconds = settings.heartbeatSeconds();
        this.staleMillis = settings.channelStaleSeconds() * 1000L;
        this.batches = new Batches<>("registrations", settings.workerThreads(), settings.registrationQueue(), MAX_BATCH,
                p -> p.register().hostId(), this::register, batch -> batch.forEach(p -> p.session().closeNow()));
    }

    /** @return {@code false} if the queue is full or the link is stopping (refuse the agent) */
    boolean offer(IoSession session, Message.Register r) {
        return batches.offer(new Pending(session, r));
    }

    /** Records what is queued (for up to 5 s), then stops. */
    void close() {
        batches.close();
    }

    /** Records a batch of registrations in one transaction (one at a time if that fails), then welcomes each agent. */
    private void register(List<Pending> batch) {
        long now = System.currentTimeMillis();
        List<HostRecord> hosts = batch.stream().map(p -> new HostRecord(p.register().hostId(), p.register().hostname(),
                p.register().ips(), p.register().sn(), p.register().idc(), null, HostStatus.OFFLINE, p.register().groups(), Map.of(),
                now)).toList();
        boolean[] stored = new boolean[batch.size()];
        try {
            store.registerAll(hosts);
            Arrays.fill(stored, true);
        } catch (RuntimeException e) {
            LOG.warn("Recording {} registrations at once failed ({}); recording them one at a time", batch.size(), e.getMessage());
            for (int i = 0; i < hosts.size(); i++) {
                try {
                    store.register(hosts.get(i));
                    stored[i] = true;
                } catch (RuntimeException again) {
                    LOG.warn("Could not register host {}: {}", hosts.get(i).hostId(), again.getMessage());
                }
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            welcome(batch.get(i).session(), batch.get(i).register(), stored[i]);
        }
    }

    private void welcome(IoSession session, Message.Register r, boolean stored) {
        if (!stored) {
            session.closeNow();
            return;
        }
        String idc = r.idc() == null ? "" : r.idc();
        idcs.put(r.hostId(), idc);
        List<String> channels = registry.addressesFor(idc, System.currentTimeMillis(), staleMillis);
        LOG.debug("Registered host {} (idc {}); offering channels {}", r.hostId(), r.idc(), channels);
        byte[] key = taskKey.get();
        if (key == null) {
            session.closeNow(); // the task-signing key went away meanwhile: the agent retries
            return;
        }
        session.write(new Message.Welcome(r.hostId(), channels, heartbeatSeconds, key));
        session.closeOnFlush();
    }
}
