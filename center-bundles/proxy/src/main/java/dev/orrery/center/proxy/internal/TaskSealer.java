package dev.orrery.center.proxy.internal;

import dev.orrery.center.store.TaskRecord;
import dev.orrery.protocol.MerkleTree;
import dev.orrery.protocol.Message.Task;
import dev.orrery.protocol.TaskSigning;
import java.security.KeyPair;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Signs each task once, for all its hosts, and hands out each host's {@link Task.Seal}: the
 * signature with that host's Merkle proof. The signed tree of each recent task is cached (least
 * recently used first out, bounded by the hosts it holds: about 64 bytes of memory per host);
 * a task that fell out (or a center restart) is signed again from its stored fields and hosts,
 * which gives the same signature (Ed25519 is deterministic). Thread-safe; building happens
 * outside the lock, so a big task's tree never holds up the others, and once per task at a time.
 */
final class TaskSealer {
    /** A task's signed tree. */
    private record Sealed(Task.Seal seal, MerkleTree tree) {
    }

    private final KeyPair keys;
    private final long graceMillis;
    private final long maxCachedHosts;
    private final Map<String, Sealed> cache = new LinkedHashMap<>(64, 0.75f, true);
    private long cachedHosts;
    private final Map<String, CompletableFuture<Sealed>> building = new ConcurrentHashMap<>();

    /**
     * @param keys the center's task-signing key pair
     * @param graceMillis added to a task's creation time and timeout to make its expiry
     * @param maxCachedHosts most hosts held by the cached trees together
     */
    TaskSealer(KeyPair keys, long graceMillis, long maxCachedHosts) {
        this.keys = keys;
        this.graceMillis = graceMillis;
        this.maxCachedHosts = maxCachedHosts;
    }

    /** @return a sealer with a fresh key pair held only in memory, for tests and tools */
    static TaskSealer ephemeral() {
        return new TaskSealer(TaskSigning.generateKeyPair(), 300_000, 1_000_000);
    }

    /** @return the public key agents verify with, X.509 encoded */
    byte[] publicKey() {
        return keys.getPublic().getEncoded();
    }

    /**
     * @param task a task
     * @return the epoch ms after which no agent starts it: creation + timeout + grace
     */
    long expiresAt(TaskRecord task) {
        return task.createdAt() + task.timeoutSeconds() * 1000L + graceMillis;
    }

    /**
     * Signs a task whose hosts are at hand (a new task), so its sends find it cached.
     *
     * @param task the task
     * @param hostIds all its hosts
     */
    void prepare(TaskRecord task, Collection<String> hostIds) {
        if (cached(task.taskId()) == null) {
            put(task.taskId(), build(task, hostIds));
        }
    }

    /**
     * @param task the task
     * @param hostId one of its hosts
     * @param hostsOfTask reads all the task's hosts (from the store) when the task is not cached
     * @return the seal for that host; empty if the host is not one of the task's
     */
    Optional<Task.Seal> sealFor(TaskRecord task, String hostId, Supplier<Collection<String>> hostsOfTask) {
        Sealed s = cached(task.taskId());
        if (s == null) {
            s = rebuild(task, hostsOfTask);
        }
        Task.Seal seal = s.seal();
        return s.tree().proof(hostId).map(seal::forHost);
    }

    /** @return tasks whose trees are cached */
    synchronized int cachedTasks() {
        return cache.size();
    }

    /** One thread reads the hosts and signs; others asking for the same task meanwhile wait for it. */
    private Sealed rebuild(TaskRecord task, Supplier<Collection<String>> hostsOfTask) {
        CompletableFuture<Sealed> mine = new CompletableFuture<>();
        CompletableFuture<Sealed> running = building.putIfAbsent(task.taskId(), mine);
        if (running != null) {
            return running.join();
        }
        try {
            Sealed done = cached(task.taskId()); // another thread may have finished just before
            Sealed s = done != null ? done : build(task, hostsOfTask.get());
            put(task.taskId(), s);
            mine.complete(s);
            return s;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            building.remove(task.taskId(), mine);
        }
    }

    private Sealed build(TaskRecord task, Collection<String> hostIds) {
        MerkleTree tree = MerkleTree.of(hostIds);
        Task.Seal seal = TaskSigning.seal(keys.getPrivate(), task.taskId(), task.type(), task.params(), task.body(),
                task.timeoutSeconds(), expiresAt(task), tree);
        return new Sealed(seal, tree);
    }

    private synchronized Sealed cached(String taskId) {
        return cache.get(taskId);
    }

    private synchronized void put(String taskId, Sealed s) {
        if (cache.containsKey(taskId)) {
            return; // built twice by a race: both are the same
        }
        cache.put(taskId, s);
        cachedHosts += s.tree().size();
        var it = cache.entrySet().iterator();
        while (cachedHosts > maxCachedHosts && cache.size() > 1 && it.hasNext()) {
            Map.Entry<String, Sealed> eldest = it.next();
            if (eldest.getKey().equals(taskId)) {
                continue;
            }
            cachedHosts -= eldest.getValue().tree().size();
            it.remove();
        }
    }
}
