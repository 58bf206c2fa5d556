package dev.orrery.center.shell.internal;

import dev.orrery.api.HostTaskState;
import dev.orrery.api.TaskState;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.store.HostTaskRecord;
import dev.orrery.center.store.TaskRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tasks and counts set by the test. */
final class FakeTaskService implements TaskService {
    final Map<String, TaskRecord> tasks = new HashMap<>();
    final Map<String, Map<HostTaskState, Integer>> counts = new HashMap<>();
    final Map<String, List<HostTaskRecord>> results = new HashMap<>();

    void addTask(String id, TaskState state, Map<HostTaskState, Integer> c) {
        tasks.put(id, new TaskRecord(id, "cmd", "shell:karaf", 0, 60, Map.of(), null, state));
        counts.put(id, c);
    }

    @Override
    public Accepted submit(TaskSubmission submission) {
        throw new UnsupportedOperationException();
    }

    @Override
    public dev.orrery.center.proxy.Plan plan(TaskSubmission submission) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<TaskRecord> task(String taskId) {
        return Optional.ofNullable(tasks.get(taskId));
    }

    @Override
    public Map<HostTaskState, Integer> counts(String taskId) {
        return counts.getOrDefault(taskId, ProgressTest.counts());
    }

    @Override
    public List<HostTaskRecord> results(String taskId, HostTaskState state, int offset, int limit) {
        return results.getOrDefault(taskId, List.of()).stream().skip(offset).limit(limit).toList();
    }

    @Override
    public void cancel(String taskId) {
    }

    @Override
    public java.util.Map<String, Long> counters() {
        return java.util.Map.of("resends", 0L);
    }
}
