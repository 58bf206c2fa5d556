package dev.orrery.center.cron.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostStatus;
import dev.orrery.api.HostTaskState;
import dev.orrery.api.OrreryException;
import dev.orrery.center.proxy.Plan;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.store.CronJobRecord;
import dev.orrery.center.store.CronStore;
import dev.orrery.center.store.DataStore;
import dev.orrery.center.store.HostQuery;
import dev.orrery.center.store.HostRecord;
import dev.orrery.center.store.HostStore;
import dev.orrery.center.store.HostTaskRecord;
import dev.orrery.center.store.TaskRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** In-memory stores and proxy for the cron service tests. */
final class Fakes {
    private Fakes() {
    }

    static final class Jobs implements CronStore {
        final Map<String, CronJobRecord> rows = new ConcurrentHashMap<>();

        @Override
        public void create(CronJobRecord job) {
            if (rows.putIfAbsent(job.cronId(), job) != null) {
                throw new IllegalStateException("exists");
            }
        }

        @Override
        public Optional<CronJobRecord> get(String cronId) {
            return Optional.ofNullable(rows.get(cronId));
        }

        @Override
        public List<CronJobRecord> list(boolean includeDeleted) {
            return rows.values().stream().filter(j -> includeDeleted || j.live())
                    .sorted((a, b) -> Long.compare(a.createdAt(), b.createdAt())).toList();
        }

        @Override
        public boolean delete(String cronId, long now) {
            CronJobRecord j = rows.get(cronId);
            if (j == null || !j.live()) {
                return false;
            }
            rows.put(cronId, new CronJobRecord(j.cronId(), j.createdBy(), j.hostIds(), j.groups(), j.schedule(), j.timezone(), j.spread(),
                    j.kind(), j.spec(), j.runAs(), j.timeoutSeconds(), j.version(), j.createdAt(), now));
            return true;
        }
    }

    static final class Hosts implements HostStore {
        final Map<String, HostRecord> hosts = new ConcurrentHashMap<>();
        final Map<String, String> cronSections = new ConcurrentHashMap<>();

        void add(String id, boolean online) {
            hosts.put(id, new HostRecord(id, id, List.of(), "", "idc", "ch-1", online ? HostStatus.ONLINE : HostStatus.OFFLINE, List.of(),
                    Map.of(), 1));
        }

        @Override
        public void register(HostRecord host) {
            hosts.put(host.hostId(), host);
        }

        @Override
        public List<String> channelReport(String channelId, Collection<String> hostIds, long now) {
            return List.of();
        }

        @Override
        public void channelLost(String channelId) {
        }

        @Override
        public Optional<HostRecord> get(String hostId) {
            return Optional.ofNullable(hosts.get(hostId));
        }

        @Override
        public List<HostRecord> find(HostQuery query) {
            return List.copyOf(hosts.values());
        }

        @Override
        public int count(HostQuery query) {
            return hosts.size();
        }

        @Override
        public Resolution resolve(Collection<String> names, Collection<String> groups) {
            List<String> ids = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            names.forEach(n -> (hosts.containsKey(n) ? ids : unknown).add(n));
            return new Resolution(ids, unknown);
        }

        @Override
        public Map<String, String> statusSection(String section, Collection<String> hostIds) {
            Map<String, String> out = new HashMap<>();
            hostIds.forEach(h -> {
                if ("cron".equals(section) && cronSections.containsKey(h)) {
                    out.put(h, cronSections.get(h));
                }
            });
            return out;
        }
    }

    static final class Tasks implements TaskService {
        final Hosts hosts;
        final List<TaskSubmission> submitted = new CopyOnWriteArrayList<>();
        final List<TaskSubmission> planned = new CopyOnWriteArrayList<>();

        Tasks(Hosts hosts) {
            this.hosts = hosts;
        }

        @Override
        public Accepted submit(TaskSubmission s) {
            submitted.add(s);
            return new Accepted("t-" + submitted.size(), s.targets().hosts().size());
        }

        @Override
        public Plan plan(TaskSubmission s) {
            planned.add(s);
            if (s.targets().isEmpty()) {
                throw new OrreryException(ErrorCode.NO_TARGET, "no targets");
            }
            HostStore.Resolution r = hosts.resolve(s.targets().hosts(), s.targets().groups());
            if (!r.unknown().isEmpty()) {
                throw new OrreryException(ErrorCode.UNKNOWN_TARGET, "unknown", r.unknown());
            }
            if (String.valueOf(s.params().get("command")).contains("rm -rf /")) {
                throw new OrreryException(ErrorCode.CMD_HIGH_RISK, "high risk");
            }
            return new Plan(s.type(), s.params(), r.hostIds().stream().map(h -> new Plan.Host(h, h, HostStatus.ONLINE)).toList(), null);
        }

        @Override
        public Optional<TaskRecord> task(String taskId) {
            return Optional.empty();
        }

        @Override
        public Map<HostTaskState, Integer> counts(String taskId) {
            return Map.of();
        }

        @Override
        public List<HostTaskRecord> results(String taskId, HostTaskState state, int offset, int limit) {
            return List.of();
        }

        @Override
        public void cancel(String taskId) {
        }

        @Override
        public Map<String, Long> counters() {
            return Map.of();
        }
    }

    static final class Data implements DataStore {
        final List<Entry> entries = new CopyOnWriteArrayList<>();

        @Override
        public long append(String hostId, List<Entry> records, long dropped, long now) {
            records.forEach(r -> entries.add(new Entry(entries.size() + 1, r.topic(), hostId, r.seq(), r.at(), r.data())));
            return 0;
        }

        @Override
        public Page read(String topic, long after, int limit, Collection<String> hostIds) {
            List<Entry> out = entries.stream().filter(e -> e.topic().equals(topic) && e.cursor() > after)
                    .filter(e -> hostIds == null || hostIds.contains(e.hostId())).limit(limit).toList();
            return new Page(out, out.isEmpty() ? after : out.get(out.size() - 1).cursor());
        }

        @Override
        public long dropped(String hostId) {
            return 0;
        }
    }
}
