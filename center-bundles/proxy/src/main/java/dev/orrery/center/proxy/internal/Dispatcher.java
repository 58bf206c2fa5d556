package dev.orrery.center.proxy.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostStatus;
import dev.orrery.api.TaskState;
import dev.orrery.center.link.ChannelGateway;
import dev.orrery.center.store.DispatchClaim;
import dev.orrery.center.store.HostRecord;
import dev.orrery.center.store.HostStore;
import dev.orrery.center.store.HostTaskRecord;
import dev.orrery.center.store.TaskRecord;
import dev.orrery.center.store.TaskStore;
import dev.orrery.protocol.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends host tasks down to the channels holding their hosts. Every send is preceded by a
 * claim in the store (PENDING to DISPATCHED, or the undelivered flag cleared), so a host
 * task is sent once even when a submission and a host's arrival race. The claim is durable
 * before the send; a send that finds no connection flags the host task undelivered, and it is
 * sent again when the host next comes online. Thread-safe; call it off the I/O threads.
 */
final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int CHUNK = 500;
    private static final int HOSTS_PAGE = 1_000;

    private final HostStore hosts;
    private final TaskStore tasks;
    private final ChannelGateway gateway;
    private final Retry retry;
    private final TaskSealer sealer;

    /** @param sealer signs every task sent (once per task, for all its hosts) */
    Dispatcher(HostStore hosts, TaskStore tasks, ChannelGateway gateway, Retry retry, TaskSealer sealer) {
        this.hosts = hosts;
        this.tasks = tasks;
        this.gateway = gateway;
        this.retry = retry;
        this.sealer = sealer;
    }

    /**
     * Dispatches a new task to every one of its hosts that is online; the rest stay PENDING.
     * Claims are made a chunk at a time, one transaction per chunk, and only the host tasks
     * this call claimed are sent.
     */
    void dispatchNew(TaskRecord task, List<String> hostIds) {
        for (int from = 0; from < hostIds.size(); from += CHUNK) {
            claimAndSend(task, claimsFor(hostIds.subList(from, Math.min(hostIds.size(), from + CHUNK))));
        }
    }

    /**
     * Claims for the hosts online now, to create their host tasks {@code DISPATCHED} in the
     * task's own transaction.
     */
    List<DispatchClaim> claimsFor(List<String> hostIds) {
        Map<String, String> online = hosts.onlineChannels(hostIds);
        List<DispatchClaim> claims = new ArrayList<>(online.size());
        for (String hostId : hostIds) {
            String channel = online.get(hostId);
            if (channel != null) {
                claims.add(new DispatchClaim(hostId, channel, retry.resendAt(1)));
            }
        }
        return claims;
    }

    /**
     * A task was created with these claims: sends the claimed host tasks, then dispatches the
     * others whose host came online meanwhile (the rest wait for their host).
     */
    void sendCreated(TaskRecord task, List<String> hostIds, List<DispatchClaim> claims) {
        sealer.prepare(task, hostIds);
        for (DispatchClaim claim : claims) {
            send(task, claim.hostId(), claim.channel());
        }
        if (claims.size() < hostIds.size()) {
            Set<String> claimed = new HashSet<>();
            claims.forEach(c -> claimed.add(c.hostId()));
            dispatchNew(task, hostIds.stream().filter(h -> !claimed.contains(h)).toList());
        }
    }

    /** Hosts arrived on a channel: send them what waited for them. */
    void hostsOnline(String channelId, List<String> hostIds) {
        Map<String, Optional<TaskRecord>> cache = new HashMap<>();
        for (int from = 0; from < hostIds.size(); from += CHUNK) {
            List<String> chunk = hostIds.subList(from, Math.min(hostIds.size(), from + CHUNK));
            Map<String, List<DispatchClaim>> byTask = new LinkedHashMap<>();
            for (HostTaskRecord r : tasks.pendingFor(chunk)) {
                byTask.computeIfAbsent(r.taskId(), id -> new ArrayList<>()).add(new DispatchClaim(r.hostId(), channelId, retry.resendAt(1)));
            }
            byTask.forEach((taskId, claims) -> open(cache, taskId).ifPresent(t -> claimAndSend(t, claims)));
            for (HostTaskRecord r : tasks.undeliveredFor(chunk)) {
                open(cache, r.taskId()).ifPresent(t -> resend(t, r.hostId(), channelId));
            }
        }
    }

    /**
     * A channel could not deliver: flag the host task, and send it at once through the host's
     * current channel if that is another one (it moved), else when it next comes online.
     *
     * @return {@code false} if the host task was not {@code DISPATCHED} (unknown or stale)
     */
    boolean undeliverable(String channelId, String taskId, String hostId) {
        if (!tasks.markUndelivered(taskId, hostId, ErrorCode.DELIVERY_FAILED)) {
            return false;
        }
        Optional<HostRecord> host = hosts.get(hostId);
        if (host.isPresent() && host.get().status() == HostStatus.ONLINE && host.get().channel() != null
                && !host.get().channel().equals(channelId)) {
            tasks.get(taskId).ifPresent(t -> resend(t, hostId, host.get().channel()));
        } else {
            LOG.debug("Task {} for host {} waits until the host comes back", taskId, hostId);
        }
        return true;
    }

    private void claimAndSend(TaskRecord task, List<DispatchClaim> claims) {
        if (claims.isEmpty()) {
            return;
        }
        for (DispatchClaim won : tasks.dispatch(task.taskId(), claims)) {
            send(task, won.hostId(), won.channel());
        }
    }

    private void resend(TaskRecord task, String hostId, String channelId) {
        if (tasks.redispatch(task.taskId(), hostId, channelId, retry.resendAt(1))) {
            send(task, hostId, channelId);
        }
    }

    /**
     * Sends a host task already claimed in the store, signed; a channel that is gone flags it
     * undelivered. A host that is not among the task's hosts (cannot happen) gets it unsigned, so
     * its agent refuses it visibly ({@code TASK_UNSIGNED}).
     */
    void send(TaskRecord task, String hostId, String channelId) {
        Message.Task m = new Message.Task(task.taskId(), hostId, task.type(), task.params(), task.body(), remainingSeconds(task));
        Optional<Message.Task.Seal> seal = sealer.sealFor(task, hostId, () -> hostsOf(task.taskId()));
        if (seal.isPresent()) {
            m = m.withSeal(seal.get());
        } else {
            LOG.error("Host {} is not among the hosts of task {}: sent unsigned, its agent will refuse it", hostId, task.taskId());
        }
        if (!gateway.send(channelId, m)) {
            LOG.debug("Channel {} is not connected; task {} for host {} waits", channelId, task.taskId(), hostId);
            tasks.markUndelivered(task.taskId(), hostId, ErrorCode.CHANNEL_LOST);
        }
    }

    /** @return every host of a task, from the store (to sign a task again after a restart) */
    private List<String> hostsOf(String taskId) {
        List<String> all = new ArrayList<>();
        for (int page = HOSTS_PAGE; page == HOSTS_PAGE; ) {
            List<HostTaskRecord> rows = tasks.results(taskId, null, all.size(), HOSTS_PAGE);
            rows.forEach(r -> all.add(r.hostId()));
            page = rows.size();
        }
        return all;
    }

    /** @return the task if it may still be sent: not done and not past its timeout */
    Optional<TaskRecord> open(Map<String, Optional<TaskRecord>> cache, String taskId) {
        return cache.computeIfAbsent(taskId, id -> tasks.get(id)
                .filter(t -> t.state() != TaskState.DONE && remainingMillis(t) > 0));
    }

    /** The agent gets what is left of the task's timeout, so it stops the work when the center gives up. */
    static int remainingSeconds(TaskRecord t) {
        return (int) Math.max(1, (remainingMillis(t) + 999) / 1000);
    }

    private static long remainingMillis(TaskRecord t) {
        return t.createdAt() + t.timeoutSeconds() * 1000L - System.currentTimeMillis();
    }
}
