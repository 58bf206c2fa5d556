package dev.orrery.center.rest.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.cron.CronRequest;
import dev.orrery.center.cron.CronRun;
import dev.orrery.center.cron.CronService;
import dev.orrery.center.cron.RunPage;
import dev.orrery.center.store.CronJobRecord;
import dev.orrery.center.store.HostStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps jobs in memory; a schedule "bad" is refused as the real service would; runs are two fixed ones per host. */
final class FakeCronService implements CronService {
    final List<CronRequest> requests = new CopyOnWriteArrayList<>();
    final Map<String, CronJobRecord> jobs = new ConcurrentHashMap<>();
    final List<Collection<String>> runScopes = new CopyOnWriteArrayList<>();
    private final AtomicInteger seq = new AtomicInteger();
    volatile HostStore hosts;

    @Override
    public CronJobRecord create(CronRequest r) {
        if (r.schedule().equals("bad")) {
            throw new OrreryException(ErrorCode.INVALID_REQUEST, "the schedule 'bad' has 1 fields; six are expected");
        }
        requests.add(r);
        List<String> ids = hosts.resolve(r.targets().hosts(), r.targets().groups()).hostIds();
        CronJobRecord job = new CronJobRecord("cr-" + seq.incrementAndGet(), r.createdBy(), ids, r.targets().groups(), r.schedule(),
                r.timezone() == null ? "UTC" : r.timezone(), r.spread(), r.kind(), r.spec(), r.runAs(), r.timeoutSeconds(), 1, 1000, 0);
        jobs.put(job.cronId(), job);
        return job;
    }

    @Override
    public List<CronJobRecord> list() {
        return jobs.values().stream().filter(CronJobRecord::live).sorted((a, b) -> a.cronId().compareTo(b.cronId())).toList();
    }

    @Override
    public Optional<CronJobRecord> get(String cronId) {
        return Optional.ofNullable(jobs.get(cronId));
    }

    @Override
    public boolean delete(String cronId) {
        CronJobRecord j = jobs.get(cronId);
        if (j == null || !j.live()) {
            return false;
        }
        jobs.put(cronId, new CronJobRecord(j.cronId(), j.createdBy(), j.hostIds(), j.groups(), j.schedule(), j.timezone(), j.spread(),
                j.kind(), j.spec(), j.runAs(), j.timeoutSeconds(), j.version(), j.createdAt(), 2000));
        return true;
    }

    @Override
    public RunPage runs(String cronId, long after, int limit, Collection<String> hostIds) {
        runScopes.add(hostIds == null ? null : List.copyOf(hostIds));
        List<CronRun> runs = jobs.get(cronId).hostIds().stream().filter(h -> hostIds == null || hostIds.contains(h))
                .map(h -> new CronRun(7, h, 10, 20, 0, "ok", null)).toList();
        return new RunPage(runs.stream().limit(limit).toList(), 7);
    }
}
