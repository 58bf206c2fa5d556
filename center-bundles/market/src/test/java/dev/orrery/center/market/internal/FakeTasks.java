package dev.orrery.center.market.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.api.OrreryException;
import dev.orrery.center.proxy.Plan;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.store.HostTaskRecord;
import dev.orrery.center.store.TaskRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The proxy: records submissions; tests set each task's host state. */
final class FakeTasks implements TaskService {
    final List<TaskSubmission> submitted = new CopyOnWriteArrayList<>();
    final Map<String, HostTaskRecord> states = new ConcurrentHashMap<>();

    @Override
    public Accepted submit(TaskSubmission s) {
        submitted.add(s);
        String id = "t-" + submitted.size();
        set(id, HostTaskState.DISPATCHED, null, null);
        return new Accepted(id, s.targets().hosts().size());
    }

    void set(String taskId, HostTaskState state, ErrorCode error, String message) {
        String host = submitted.get(Integer.parseInt(taskId.substring(2)) - 1).targets().hosts().get(0);
        states.put(taskId, new HostTaskRecord(taskId, host, state, null, "", "", false, error, message, "ch-1", 1));
    }

    /** @return the id of the last task sent to this host */
    String last(String hostId) {
        for (int i = submitted.size() - 1; i >= 0; i--) {
            if (submitted.get(i).targets().hosts().equals(List.of(hostId))) {
                return "t-" + (i + 1);
            }
        }
        throw new AssertionError("nothing sent to " + hostId);
    }

    /** @return host → op of the tasks sent from index {@code from} on */
    List<String> since(int from) {
        return submitted.subList(from, submitted.size()).stream()
                .map(s -> s.targets().hosts().get(0) + " " + s.params().get("op") + " " + s.params().get("name")
                        + (s.params().containsKey("version") ? " " + s.params().get("version") : ""))
                .toList();
    }

    @Override
    public Plan plan(TaskSubmission s) {
        throw new OrreryException(ErrorCode.INVALID_REQUEST, "not in these tests");
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
        HostTaskRecord r = states.get(taskId);
        return r == null ? List.of() : List.of(r);
    }

    @Override
    public void cancel(String taskId) {
    }

    @Override
    public Map<String, Long> counters() {
        return Map.of();
    }
}
