package dev.orrery.center.proxy.internal;

import dev.orrery.center.store.HostStore;
import dev.orrery.center.store.TaskRecord;
import dev.orrery.center.store.TaskStore;
import dev.orrery.center.store.TaskStore.Resend;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic resend scan: a {@code DISPATCHED} host task whose Ack RECEIVED did not arrive
 * by its resend time is sent again to its host's current channel (agents drop a task id they
 * already have, so this is safe), with a growing, jittered wait, until the ack arrives or the
 * task times out. It reads the store, not memory, so a restarted center resumes where the
 * previous one stopped. A host that is offline leaves the host task flagged undelivered: it is
 * sent when the host comes back. Thread-safe; run it from one thread at a time.
 */
final class Resender {
    private static final Logger LOG = LoggerFactory.getLogger(Resender.class);
    private static final int BATCH = 500;

    private final HostStore hosts;
    private final TaskStore tasks;
    private final Dispatcher dispatcher;
    private final Retry retry;
    private final Counters counters;

    Resender(HostStore hosts, TaskStore tasks, Dispatcher dispatcher, Retry retry, Counters counters) {
        this.hosts = hosts;
        this.tasks = tasks;
        this.dispatcher = dispatcher;
        this.retry = retry;
        this.counters = counters;
    }

    /**
     * @param upTo resend host tasks due by this time (epoch ms): now, or earlier while acks that
     *     arrived since then are still waiting to be recorded (their host tasks are not overdue)
     * @return how many host tasks were sent again
     */
    int scan(long upTo) {
        int sent = 0;
        Map<String, Optional<TaskRecord>> cache = new HashMap<>();
        List<Resend> due = tasks.dueForResend(upTo, BATCH);
        Map<String, String> channels = hosts.onlineChannels(due.stream().map(Resend::hostId).distinct().toList());
        for (Resend r : due) {
            Optional<TaskRecord> task = dispatcher.open(cache, r.taskId());
            if (task.isEmpty()) {
                continue; // done or past its timeout: the sweeper ends it
            }
            String channel = channels.get(r.hostId());
            if (!tasks.claimResend(r.taskId(), r.hostId(), r.sends(), channel, retry.resendAt(r.sends() + 1)) || channel == null) {
                continue;
            }
            LOG.debug("No Ack RECEIVED for task {} on host {} after {} send(s): sending again via {}", r.taskId(), r.hostId(),
                    r.sends(), channel);
            dispatcher.send(task.get(), r.hostId(), channel);
            counters.resends.incrementAndGet();
            sent++;
        }
        return sent;
    }
}
