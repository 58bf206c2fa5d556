package dev.orrery.channel.relay.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Host tasks this channel delivered to an agent and has not yet seen a result for: the
 * {@code running} figure of the channel's reports. Thread-safe and non-blocking.
 */
final class InFlight {
    private final ConcurrentMap<String, Set<String>> tasksByHost = new ConcurrentHashMap<>();

    /** @param hostId the host @param taskId a task just delivered to it */
    void started(String hostId, String taskId) {
        tasksByHost.computeIfAbsent(hostId, h -> ConcurrentHashMap.newKeySet()).add(taskId);
    }

    /** @param hostId the host @param taskId a task that ended or was not delivered */
    void ended(String hostId, String taskId) {
        tasksByHost.computeIfPresent(hostId, (h, tasks) -> {
            tasks.remove(taskId);
            return tasks.isEmpty() ? null : tasks;
        });
    }

    /** @param hostId a host whose agent left: its results, if any, come back through its next channel */
    void forget(String hostId) {
        tasksByHost.remove(hostId);
    }

    /** @param hostId a host @return whether a task delivered to it has not ended yet */
    boolean busy(String hostId) {
        return tasksByHost.containsKey(hostId);
    }

    /** @return host tasks in flight */
    int count() {
        int n = 0;
        for (Set<String> tasks : tasksByHost.values()) {
            n += tasks.size();
        }
        return n;
    }
}
