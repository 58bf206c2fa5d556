package dev.orrery.center.cron.internal;

import dev.orrery.api.OrreryException;
import dev.orrery.api.TaskTypes;
import dev.orrery.center.proxy.Scope;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.proxy.Targets;
import dev.orrery.center.store.CronJobRecord;
import dev.orrery.center.store.CronStore;
import dev.orrery.center.store.HostStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the agents' job sets in line with the store: for every online host that any job (live
 * or deleted) names, compares the digest in its status section {@code cron} with the digest of
 * its desired set (its live jobs) and submits a {@code cron} sync task with the full set to each
 * host that differs, at most once per {@code minResyncMillis} per host unless a job of the host
 * changed since. Hosts that report no {@code cron} section (no cron capability, or no status yet)
 * are left alone. Called from one thread at a time.
 */
final class Reconciler {
    /** Who the sync tasks are created by. */
    static final String SYSTEM = "orrery-cron";
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    private static final int SYNC_TIMEOUT_SECONDS = 60;

    private final CronStore jobs;
    private final HostStore hosts;
    private final TaskService tasks;
    private final Clock clock;
    private final long minResyncMillis;
    private final Map<String, Long> lastSync = new ConcurrentHashMap<>();

    Reconciler(CronStore jobs, HostStore hosts, TaskService tasks, Clock clock, long minResyncMillis) {
        this.jobs = jobs;
        this.hosts = hosts;
        this.tasks = tasks;
        this.clock = clock;
        this.minResyncMillis = minResyncMillis;
    }

    /** Lets the next pass sync these hosts without waiting for the resync interval (their jobs changed). */
    void changed(Collection<String> hostIds) {
        hostIds.forEach(lastSync::remove);
    }

    /** @return the hosts a sync task was submitted to in this pass */
    List<String> reconcile() {
        List<CronJobRecord> all = jobs.list(true);
        Set<String> named = new LinkedHashSet<>();
        Map<String, List<CronJobRecord>> desired = new HashMap<>();
        for (CronJobRecord j : all) {
            named.addAll(j.hostIds());
            if (j.live()) {
                j.hostIds().forEach(h -> desired.computeIfAbsent(h, k -> new ArrayList<>()).add(j));
            }
        }
        if (named.isEmpty()) {
            return List.of();
        }
        Set<String> online = hosts.onlineChannels(named).keySet();
        Map<String, String> sections = hosts.statusSection("cron", online);
        long now = clock.millis();
        List<String> synced = new ArrayList<>();
        for (String host : online) {
            JobWire.Reported reported = sections.get(host) == null ? null : JobWire.reported(sections.get(host));
            if (reported == null) {
                continue;
            }
            List<CronJobRecord> want = desired.getOrDefault(host, List.of());
            JobWire.HostSet set = JobWire.of(want);
            if (reported.holds(set.digest(), want.isEmpty())) {
                continue;
            }
            Long last = lastSync.get(host);
            if (last != null && now - last < minResyncMillis) {
                continue;
            }
            lastSync.put(host, now);
            if (submit(host, set)) {
                synced.add(host);
            }
        }
        return synced;
    }

    private boolean submit(String host, JobWire.HostSet set) {
        try {
            tasks.submit(new TaskSubmission(TaskTypes.CRON, new Targets(List.of(host), List.of()), Map.of("op", "sync"), set.body(),
                    SYNC_TIMEOUT_SECONDS, SYSTEM, Scope.ALL, false));
            LOG.debug("Cron sync submitted to {} (digest {})", host, set.digest());
            return true;
        } catch (OrreryException e) {
            LOG.warn("Cron sync to {} not submitted: {} {}", host, e.code(), e.getMessage());
            return false;
        }
    }
}
