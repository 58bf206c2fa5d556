package dev.orrery.center.proxy.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.store.TaskRecord;
import dev.orrery.center.store.internal.FileMasterKey;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.TaskSigning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every task leaves the center signed, once per task, and a restarted center signs it the same way. */
class SignedDispatchTest extends ProxyTestBase {
    private final KeyPair keys = TaskSigning.generateKeyPair();

    private TaskServiceImpl proxyWith(TaskSealer sealer, ProxySettings settings) {
        proxy.close();
        proxy = new TaskServiceImpl(settings, hosts, tasks, gateway, sealer);
        return proxy;
    }

    @Test
    void everyHostGetsTheOneSignatureWithItsOwnProof() {
        proxyWith(new TaskSealer(keys, 300_000, 1_000_000), new ProxySettings(60, 3600, 100, 2));
        List<String> ids = List.of(p + "a", p + "b", p + "c");
        ids.forEach(this::register);
        online(p + "ch", ids.toArray(String[]::new));
        TaskService.Accepted acc = run("uptime", 60, ids, List.of());
        await().atMost(WAIT).until(() -> ids.stream().allMatch(h -> !gateway.tasksFor(h).isEmpty()));
        TaskRecord record = tasks.get(acc.taskId()).orElseThrow();
        byte[] signature = null;
        for (String h : ids) {
            Message.Task t = gateway.tasksFor(h).get(0);
            assertNotNull(t.seal(), "signed");
            assertTrue(TaskSigning.verify(keys.getPublic(), t), h);
            assertEquals(record.createdAt() + 60_000 + 300_000, t.seal().expiresAt());
            assertEquals(60, t.seal().timeoutSeconds());
            if (signature != null) {
                assertArrayEquals(signature, t.seal().signature(), "one signature per task");
            }
            signature = t.seal().signature();
        }
    }

    @Test
    void aRestartedCenterResendsTheSameSignatureFromTheStore() {
        ProxySettings fast = new ProxySettings(60, 3600, 100, 2, 200, 400);
        proxyWith(new TaskSealer(keys, 300_000, 1_000_000), fast);
        List<String> ids = List.of(p + "a", p + "b");
        ids.forEach(this::register);
        online(p + "ch", p + "a"); // b stays offline
        TaskService.Accepted acc = run("uptime", 600, ids, List.of());
        await().atMost(WAIT).until(() -> !gateway.tasksFor(p + "a").isEmpty());
        Message.Task first = gateway.tasksFor(p + "a").get(0);
        // a new center process: same key, empty cache; "a" never acknowledged, so it is sent again
        TaskSealer fresh = new TaskSealer(keys, 300_000, 1_000_000);
        proxyWith(fresh, fast);
        int before = gateway.tasksFor(p + "a").size();
        await().atMost(WAIT).until(() -> gateway.tasksFor(p + "a").size() > before);
        Message.Task again = gateway.tasksFor(p + "a").get(gateway.tasksFor(p + "a").size() - 1);
        assertEquals(acc.taskId(), again.taskId());
        assertArrayEquals(first.seal().signature(), again.seal().signature());
        assertArrayEquals(first.seal().root(), again.seal().root());
        assertTrue(TaskSigning.verify(keys.getPublic(), again));
        assertEquals(1, fresh.cachedTasks());
    }

    @Test
    void theCacheIsBoundedByHosts() {
        TaskSealer sealer = new TaskSealer(keys, 0, 1000);
        for (int i = 0; i < 5; i++) {
            TaskRecord t = new TaskRecord("task-" + i, "cmd", "k", 1, 60, java.util.Map.of(), null, null);
            sealer.prepare(t, java.util.stream.IntStream.range(0, 400).mapToObj(n -> "h" + n).toList());
        }
        assertEquals(2, sealer.cachedTasks());
        TaskRecord old = new TaskRecord("task-0", "cmd", "k", 1, 60, java.util.Map.of(), null, null);
        Message.Task.Seal seal = sealer.sealFor(old, "h7", () -> java.util.stream.IntStream.range(0, 400).mapToObj(n -> "h" + n).toList())
                .orElseThrow();
        assertTrue(TaskSigning.verify(keys.getPublic(), new Message.Task("task-0", "h7", "cmd", java.util.Map.of(), null, 60, seal)));
        assertTrue(sealer.sealFor(old, "stranger", List::of).isEmpty());
    }

    @Test
    void aTaskIsRebuiltOnceWhenManyThreadsSendItAtOnce() throws Exception {
        TaskSealer sealer = new TaskSealer(keys, 0, 1_000_000);
        TaskRecord t = new TaskRecord("big", "cmd", "k", 1, 60, java.util.Map.of(), null, null);
        List<String> all = java.util.stream.IntStream.range(0, 20_000).mapToObj(n -> "h" + n).toList();
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Message.Task.Seal>> seals = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String host = "h" + i;
                seals.add(pool.submit(() -> {
                    go.await();
                    return sealer.sealFor(t, host, () -> {
                        reads.incrementAndGet();
                        return all;
                    }).orElseThrow();
                }));
            }
            go.countDown();
            for (int i = 0; i < 4; i++) {
                Message.Task.Seal seal = seals.get(i).get();
                assertTrue(TaskSigning.verify(keys.getPublic(), new Message.Task("big", "h" + i, "cmd", java.util.Map.of(), null, 60, seal)));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, reads.get(), "the hosts were read from the store once");
    }

    @Test
    void theKeyIsCreatedOnceSealedAndReadBack(@TempDir Path dir) throws Exception {
        FileMasterKey master = new FileMasterKey(dir.resolve("master.key"));
        TaskKeys first = new TaskKeys(dir.resolve("orrery"), master, 300, 1000);
        Path file = dir.resolve("orrery").resolve(TaskKeys.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(TaskKeys.pem(first.publicKey()), Files.readString(dir.resolve("orrery/task-signing.pub")));
        TaskKeys again = new TaskKeys(dir.resolve("orrery"), master, 300, 1000);
        assertArrayEquals(first.publicKey(), again.publicKey());
        byte[] data = Files.readAllBytes(file);
        data[data.length - 1] ^= 1; // the sealed private key, altered
        Files.write(file, data);
        assertThrows(IllegalStateException.class, () -> new TaskKeys(dir.resolve("orrery"), master, 300, 1000));
        assertThrows(IllegalArgumentException.class, () -> new TaskKeys(dir.resolve("x"), master, -1, 1000));
    }
}
