package dev.orrery.center.proxy.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostStatus;
import dev.orrery.api.HostTaskState;
import dev.orrery.center.link.ChannelGateway;
import dev.orrery.center.store.HostRecord;
import dev.orrery.center.store.HostStore;
import dev.orrery.center.store.HostTaskRecord;
import dev.orrery.center.store.TaskStore;
import dev.orrery.protocol.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the unfinished host tasks of a task (cancel, timeout): records the final state first,
 * then tells every host that had the task in hand to stop it. Thread-safe.
 */
final class Terminator {
    private static final Logger LOG = LoggerFactory.getLogger(Terminator.class);
    private static final int PAGE = 1000;
    private static final HostTaskState[] IN_HAND = {HostTaskState.DISPATCHED, HostTaskState.RECEIVED, HostTaskState.RUNNING};

    private final HostStore hosts;
    private final TaskStore tasks;
    private final ChannelGateway gateway;

    Terminator(HostStore hosts, TaskStore tasks, ChannelGateway gateway) {
        this.hosts = hosts;
        this.tasks = tasks;
        this.gateway = gateway;
    }

    /**
     * @param taskId the task
     * @param state {@code CANCELLED} or {@code TIMED_OUT}
     * @param error the code recorded on each host task
     * @param message the text recorded on each
     * @return how many host tasks ended now
     */
    int end(String taskId, HostTaskState state, ErrorCode error, String message) {
        Map<String, String> inHand = inHand(taskId);
        List<String> ended = tasks.endUnfinished(taskId, state, error, message);
        Set<String> stop = new HashSet<>(ended);
        stop.retainAll(inHand.keySet());
        List<String> ids = new ArrayList<>(stop);
        Map<String, String> current = new HashMap<>();
        for (HostRecord h : hosts.getAll(ids)) {
            if (h.status() == HostStatus.ONLINE && h.channel() != null) {
                current.put(h.hostId(), h.channel());
            }
        }
        for (String hostId : ids) {
            // Prefer the channel holding the host now; it may have moved since dispatch.
            String channel = current.getOrDefault(hostId, inHand.get(hostId));
            if (channel == null || !gateway.send(channel, new Message.Cancel(taskId, hostId))) {
                LOG.debug("Could not tell host {} to stop task {}: its channel is gone", hostId, taskId);
            }
        }
        if (!ended.isEmpty()) {
            LOG.info("Task {}: {} host task(s) ended as {}", taskId, ended.size(), state);
        }
        return ended.size();
    }

    /** @return host id to the channel it was dispatched through, for host tasks an agent may be working on */
    private Map<String, String> inHand(String taskId) {
        Map<String, String> out = new HashMap<>();
        for (HostTaskState s : IN_HAND) {
            for (int offset = 0; ; offset += PAGE) {
                List<HostTaskRecord> page = tasks.results(taskId, s, offset, PAGE);
                page.forEach(r -> out.put(r.hostId(), r.channel()));
                if (page.size() < PAGE) {
                    break;
                }
            }
        }
        return out;
    }
}
