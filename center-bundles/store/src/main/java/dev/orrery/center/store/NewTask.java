package dev.orrery.center.store;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A task to create with {@link TaskStore#createAll}: its host tasks, and those of them whose
 * first send is claimed in the same transaction. A claimed host task is created
 * {@code DISPATCHED} through its channel (the caller sends it once the transaction has
 * committed); every other one is created {@code PENDING}.
 *
 * @param task the task
 * @param hostIds its hosts, distinct, non-empty
 * @param dispatched claims for some of these hosts, each host at most once
 * @since 0.4
 */
public record NewTask(TaskRecord task, List<String> hostIds, List<DispatchClaim> dispatched) {
    public NewTask {
        Objects.requireNonNull(task, "task");
        hostIds = List.copyOf(hostIds);
        dispatched = List.copyOf(dispatched);
        if (hostIds.isEmpty()) {
            throw new IllegalArgumentException("a task needs at least one host");
        }
        Set<String> hosts = new HashSet<>(hostIds);
        if (hosts.size() != hostIds.size()) {
            throw new IllegalArgumentException("host ids must be distinct");
        }
        Set<String> claimed = new HashSet<>();
        for (DispatchClaim claim : dispatched) {
            if (!hosts.contains(claim.hostId()) || !claimed.add(claim.hostId())) {
                throw new IllegalArgumentException("a claim must name a host of the task, once: " + claim.hostId());
            }
        }
    }
}
