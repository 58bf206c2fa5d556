package dev.orrery.center.market.internal.rollout;

import dev.orrery.api.HostStatus;
import dev.orrery.api.OrreryException;
import dev.orrery.api.TaskTypes;
import dev.orrery.center.proxy.Scope;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.proxy.Targets;
import dev.orrery.center.store.HostQuery;
import dev.orrery.center.store.HostRecord;
import dev.orrery.center.store.HostStore;
import dev.orrery.center.store.MarketStore;
import dev.orrery.center.store.PluginRecord;
import dev.orrery.center.store.SubscriptionRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconcile pass over every subscription not paused: judges each host of its group
 * ({@link Judge}), pauses the rollout when more hosts failed than it tolerates, else sends
 * installs (one {@code plugin} task per host) to pending online hosts that report a
 * {@code plugins} section so that at most {@code batchSize} install at once, and marks the rollout
 * {@code DONE} when every host is satisfied ({@code ROLLING} again when one joins). Then every
 * online host that reports a plugin none of its groups subscribe to gets an uninstall. Called
 * from one thread at a time.
 */
public final class Reconciler {
    /** Who the install and uninstall tasks are created by. */
    public static final String SYSTEM = "orrery-market";
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    private static final int PAGE = 1000;

    private final MarketStore market;
    private final HostStore hosts;
    private final TaskService tasks;
    private final Attempts attempts;
    private final Clock clock;
    private final int timeoutSeconds;
    private final long minRetryMillis;
    private Set<String> carriers = Set.of();
    private long lastFleetScan = Long.MIN_VALUE / 2;
    private volatile boolean scanFleet = true;

    /**
     * @param installTimeoutSeconds timeout of each task
     * @param minRetryMillis least time between two sends of one plugin to one host
     */
    public Reconciler(MarketStore market, HostStore hosts, TaskService tasks, Attempts attempts, Clock clock, int installTimeoutSeconds,
            long minRetryMillis) {
        this.market = market;
        this.hosts = hosts;
        this.tasks = tasks;
        this.attempts = attempts;
        this.clock = clock;
        this.timeoutSeconds = installTimeoutSeconds;
        this.minRetryMillis = minRetryMillis;
    }

    /** Makes the next pass look at every online host for plugins to uninstall (a subscription went away). */
    public void changed() {
        scanFleet = true;
    }

    /**
     * Runs a change of the subscriptions between two passes, so that no pass judges a
     * subscription as it was and then records a rollout state over the one just stored.
     *
     * @param change the change
     * @param <T> what it returns
     * @return what the change returns
     */
    public synchronized <T> T between(java.util.function.Supplier<T> change) {
        return change.get();
    }

    /** @return how many tasks this pass sent */
    public synchronized int reconcile() {
        long now = clock.millis();
        attempts.refresh(tasks, now, minRetryMillis);
        Snapshot snap = Snapshot.take(market, hosts);
        int sent = 0;
        for (SubscriptionRecord s : snap.subscriptions()) {
            if (!Judge.PAUSED.equals(s.state())) {
                sent += rollout(s, snap, now);
            }
        }
        sent += uninstalls(snap, now);
        attempts.retain(snap.desired());
        return sent;
    }

    private int rollout(SubscriptionRecord s, Snapshot snap, long now) {
        List<Judge.Row> rows = Judge.rows(s, snap, attempts);
        List<Judge.Row> failed = rows.stream().filter(r -> r.own() && Judge.FAILED.equals(r.state())).toList();
        if (failed.size() > s.maxFailures()) {
            String reason = "rollout of " + s.plugin() + " " + s.version() + " to group " + s.group() + " paused: " + failed.size() + " of "
                    + rows.size() + " hosts failed (threshold " + s.maxFailures() + "): "
                    + failed.stream().limit(3).map(r -> r.view().hostId() + ": " + r.view().error()).collect(Collectors.joining("; "));
            market.rollout(s.group(), s.plugin(), Judge.PAUSED, reason, now);
            LOG.warn("Marketplace: {}", reason);
            return 0;
        }
        long installing = rows.stream().filter(r -> r.own() && Judge.INSTALLING.equals(r.state())).count();
        int sent = 0;
        Optional<PluginRecord> plugin = Optional.empty();
        for (Judge.Row r : rows) {
            if (installing + sent >= s.batchSize()) {
                break;
            }
            if (r.own() && r.capable() && r.view().online() && Judge.PENDING.equals(r.state())
                    && attempts.maySend(r.view().hostId(), s.plugin(), "install " + s.version(), now, minRetryMillis)) {
                plugin = plugin.isPresent() ? plugin : market.plugin(s.plugin(), s.version());
                if (plugin.isEmpty()) {
                    return sent; // deleted meanwhile: delete refuses subscribed versions, so this is a race of one pass
                }
                sent += install(r.view().hostId(), plugin.get(), now) ? 1 : 0;
            }
        }
        boolean done = sent == 0 && rows.stream().allMatch(Judge.Row::satisfied);
        String state = done ? "DONE" : "ROLLING";
        if (!state.equals(s.state())) {
            market.rollout(s.group(), s.plugin(), state, null, now);
            LOG.info("Marketplace: rollout of {} {} to group {} is {}", s.plugin(), s.version(), s.group(), state);
        }
        return sent;
    }

    private boolean install(String hostId, PluginRecord p, long now) {
        Optional<byte[]> jar = market.jar(p.name(), p.version());
        if (jar.isEmpty()) {
            return false;
        }
        String taskId = submit(hostId, Map.of("op", "install", "name", p.name(), "version", p.version(), "kind", p.kind(), "sha256",
                p.sha256()), jar.get());
        if (taskId != null) {
            attempts.sent(hostId, p.name(), p.version(), taskId, now);
            LOG.debug("Marketplace: install of {} {} sent to {} ({})", p.name(), p.version(), hostId, taskId);
        }
        return taskId != null;
    }

    private int uninstalls(Snapshot snap, long now) {
        Set<String> look = new HashSet<>(carriers);
        if (scanFleet || now - lastFleetScan >= minRetryMillis) {
            scanFleet = false;
            lastFleetScan = now;
            look.addAll(onlineHosts());
        }
        Set<String> online = new HashSet<>(hosts.onlineChannels(look).keySet());
        snap.read(hosts, online);
        carriers = snap.carriers();
        int sent = 0;
        for (String h : carriers) {
            if (!online.contains(h) && !snap.online(h)) {
                continue;
            }
            for (String plugin : snap.reported(h).keySet()) {
                if (!snap.desired(h).containsKey(plugin) && attempts.maySend(h, plugin, "uninstall", now, minRetryMillis)) {
                    String taskId = submit(h, Map.of("op", "uninstall", "name", plugin), null);
                    sent += taskId == null ? 0 : 1;
                    LOG.info("Marketplace: {} is subscribed by none of the groups of {}: uninstall sent ({})", plugin, h, taskId);
                }
            }
        }
        return sent;
    }

    private List<String> onlineHosts() {
        List<String> out = new ArrayList<>();
        for (int offset = 0;; offset += PAGE) {
            List<HostRecord> page = hosts.find(new HostQuery(HostStatus.ONLINE, null, null, offset, PAGE));
            page.forEach(h -> out.add(h.hostId()));
            if (page.size() < PAGE) {
                return out;
            }
        }
    }

    private String submit(String hostId, Map<String, String> params, byte[] body) {
        try {
            return tasks.submit(new TaskSubmission(TaskTypes.PLUGIN, new Targets(List.of(hostId), List.of()), params, body, timeoutSeconds,
                    SYSTEM, Scope.ALL, false)).taskId();
        } catch (OrreryException e) {
            LOG.warn("Marketplace: {} of {} to {} not sent: {} {}", params.get("op"), params.get("name"), hostId, e.code(), e.getMessage());
            return null;
        }
    }
}
