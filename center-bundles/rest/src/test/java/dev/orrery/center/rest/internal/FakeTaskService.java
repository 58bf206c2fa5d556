package dev.orrery.center.rest.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.api.OrreryException;
import dev.orrery.api.TaskState;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.store.HostStore;
import dev.orrery.center.store.HostTaskRecord;
import dev.orrery.center.store.TaskRecord;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Resolves targets through a host store like the proxy does, keeps tasks in memory. */
final class FakeTaskService implements TaskService {
    final List<TaskSubmission> submitted = new CopyOnWriteArrayList<>();
    final Map<String, TaskRecord> tasks = new ConcurrentHashMap<>();
    final Map<String, List<HostTaskRecord>> results = new ConcurrentHashMap<>();
    final List<String> cancelled = new CopyOnWriteArrayList<>();
    volatile RuntimeException failure;
    private final HostStore hosts;
    private final AtomicInteger ids = new AtomicInteger();

    FakeTaskService(HostStore hosts) {
        this.hosts = hosts;
    }

    @Override
    public dev.orrery.center.proxy.Plan plan(TaskSubmission s) {
        if (failure != null) {
            throw failure;
        }
        HostStore.Resolution r = hosts.resolve(s.targets().hosts(), s.targets().groups());
        if (!r.unknown().isEmpty()) {
            throw new OrreryException(ErrorCode.UNKNOWN_TARGET, "unknown targets: " + String.join(", ", r.unknown()), r.unknown());
        }
        inScope(s, r.hostIds());
        return new dev.orrery.center.proxy.Plan(s.type(), s.params(), r.hostIds().stream()
                .map(id -> new dev.orrery.center.proxy.Plan.Host(id, id, dev.orrery.api.HostStatus.ONLINE)).toList(), null);
    }

    @Override
    public Accepted submit(TaskSubmission s) {
        if (failure != null) {
            throw failure;
        }
        HostStore.Resolution r = hosts.resolve(s.targets().hosts(), s.targets().groups());
        if (!r.unknown().isEmpty()) {
            throw new OrreryException(ErrorCode.UNKNOWN_TARGET, "unknown targets: " + String.join(", ", r.unknown()), r.unknown());
        }
        inScope(s, r.hostIds());
        submitted.add(s);
        String id = "t-" + ids.incrementAndGet();
        tasks.put(id, new TaskRecord(id, s.type(), s.createdBy(), 1000L, s.timeoutSeconds(), s.params(), s.body(), TaskState.RECEIVED));
        return new Accepted(id, r.hostIds().size());
    }

    /** As the proxy's Vetting: hosts outside the submitter's groups refuse the whole task, naming them. */
    private void inScope(TaskSubmission s, List<String> hostIds) {
        if (!s.scope().groups().isEmpty()) {
            List<String> outside = hosts.outsideGroups(hostIds, s.scope().groups());
            if (!outside.isEmpty()) {
                throw new OrreryException(ErrorCode.OUT_OF_SCOPE, "hosts outside this account's groups: " + String.join(", ", outside),
                        outside);
            }
        }
    }

    @Override
    public Optional<TaskRecord> task(String taskId) {
        return Optional.ofNullable(tasks.get(taskId));
    }

    @Override
    public Map<HostTaskState, Integer> counts(String taskId) {
        Map<HostTaskState, Integer> counts = new EnumMap<>(HostTaskState.class);
        for (HostTaskState s : HostTaskState.values()) {
            counts.put(s, 0);
        }
        results.getOrDefault(taskId, List.of()).forEach(r -> counts.merge(r.state(), 1, Integer::sum));
        return counts;
    }

    @Override
    public List<HostTaskRecord> results(String taskId, HostTaskState state, int offset, int limit) {
        return results.getOrDefault(taskId, List.of()).stream().filter(r -> state == null || r.state() == state)
                .skip(offset).limit(limit).toList();
    }

    @Override
    public void cancel(String taskId) {
        if (!tasks.containsKey(taskId)) {
            throw new OrreryException(ErrorCode.NOT_FOUND, "no task " + taskId);
        }
        if (tasks.get(taskId).state() == TaskState.DONE) {
            throw new OrreryException(ErrorCode.TASK_FINISHED, "task " + taskId + " is already finished");
        }
        cancelled.add(taskId);
    }

    @Override
    public Map<String, Long> counters() {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        m.put("ignoredAcks", 2L);
        m.put("resends", 5L);
        return m;
    }
}
