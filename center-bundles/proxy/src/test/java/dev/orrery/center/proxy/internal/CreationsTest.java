package dev.orrery.center.proxy.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.api.OrreryException;
import dev.orrery.api.TaskState;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.proxy.Targets;
import dev.orrery.center.store.NewTask;
import dev.orrery.center.store.TaskRecord;
import dev.orrery.center.store.TaskStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Group commit of submissions: many POSTs, one transaction; a full queue refuses at once; online hosts dispatched at creation. */
class CreationsTest extends ProxyTestBase {
    /** The real store, with createAll held at a gate and its batch sizes recorded. */
    private final CountDownLatch gate = new CountDownLatch(1);
    private final List<Integer> batches = new CopyOnWriteArrayList<>();

    private TaskStore gated() {
        return intercepted((method, args) -> {
            if (method.equals("createAll")) {
                gate.await(10, TimeUnit.SECONDS);
                batches.add(((List<?>) args[0]).size());
            }
        });
    }

    private TaskServiceImpl proxyWithQueueLimit(int limit) {
        return proxyOver(gated(), new ProxySettings(60, 3600, 100, 2, 5000, 60000, 1000, limit));
    }

    private CompletableFuture<TaskService.Accepted> submitAsync(String host) {
        return CompletableFuture.supplyAsync(() -> proxy.submit(
                new TaskSubmission("cmd", new Targets(List.of(host), List.of()), Map.of("command", "true"), null, 60, "key-1")));
    }

    @Test
    void submissionsThatArriveTogetherShareOneTransaction() {
        proxyWithQueueLimit(1000);
        register(p + "h1");
        List<CompletableFuture<TaskService.Accepted>> posts = IntStream.range(0, 20).mapToObj(i -> submitAsync(p + "h1")).toList();
        await().atMost(WAIT).until(() -> proxy.creationBacklog() == 20);
        assertTrue(posts.stream().noneMatch(CompletableFuture::isDone), "no POST is answered before its task is durable");
        gate.countDown();
        posts.forEach(f -> assertEquals(1, f.join().hosts()));
        // the first batch held one task at the gate, everything queued meanwhile went in the next
        assertEquals(20, batches.stream().mapToInt(Integer::intValue).sum());
        assertTrue(batches.size() <= 3, "batches: " + batches);
    }

    @Test
    void aFullQueueRefusesAtOnceAndCreatesNothing() {
        proxyWithQueueLimit(2);
        register(p + "h1");
        int before = taskCount();
        List<CompletableFuture<TaskService.Accepted>> waiting = List.of(submitAsync(p + "h1"), submitAsync(p + "h1"));
        await().atMost(WAIT).until(() -> proxy.creationBacklog() == 2);
        OrreryException e = refused(() -> run("true", 60, List.of(p + "h1"), List.of()));
        assertCode(ErrorCode.OVERLOADED, e);
        assertEquals(503, e.code().httpStatus());
        gate.countDown();
        waiting.forEach(CompletableFuture::join);
        assertEquals(before + 2, taskCount(), "the refused submission created nothing");
    }

    @Test
    void onlineHostsAreDispatchedInTheCreatingTransactionAndOthersWait() {
        gate.countDown();
        proxyWithQueueLimit(1000);
        register(p + "on");
        register(p + "off");
        online(p + "ch", p + "on");
        String id = run("true", 60, List.of(p + "on", p + "off"), List.of()).taskId();
        assertEquals(HostTaskState.DISPATCHED, hostTask(id, p + "on").state());
        assertEquals(hostTask(id, p + "on").timestamps().created(), hostTask(id, p + "on").timestamps().dispatched(),
                "claimed when created, not by a later update");
        await().atMost(WAIT).until(() -> gateway.tasksFor(p + "on").stream().anyMatch(t -> t.taskId().equals(id)));
        assertEquals(HostTaskState.PENDING, hostTask(id, p + "off").state());
        online(p + "ch", p + "off");
        awaitState(id, p + "off", HostTaskState.DISPATCHED);
        assertEquals(1, gateway.tasksFor(p + "on").stream().filter(t -> t.taskId().equals(id)).count(), "sent once");
    }

    @Test
    void aTaskTheStoreRefusesFailsOnlyItsOwnSubmission() {
        TaskStore store = intercepted((method, args) -> {
            if (method.equals("createAll") && ((List<?>) args[0]).stream().anyMatch(t -> ((NewTask) t).hostIds().contains(p + "bad"))) {
                throw new OrreryException(ErrorCode.STORE_UNAVAILABLE, "refused");
            }
        });
        Creations creations = new Creations(store, 100, 100);
        try {
            register(p + "good");
            NewTask good = new NewTask(new TaskRecord(p + "g", "cmd", "k", System.currentTimeMillis(), 60,
                    Map.of(), null, TaskState.RECEIVED), List.of(p + "good"), List.of());
            NewTask bad = new NewTask(new TaskRecord(p + "b", "cmd", "k", System.currentTimeMillis(), 60,
                    Map.of(), null, TaskState.RECEIVED), List.of(p + "bad"), List.of());
            CompletableFuture<Void> g = CompletableFuture.runAsync(() -> creations.create(good));
            assertCode(ErrorCode.STORE_UNAVAILABLE, refused(() -> creations.create(bad)));
            g.join();
            assertTrue(tasks.get(p + "g").isPresent());
            assertTrue(tasks.get(p + "b").isEmpty());
        } finally {
            creations.close();
        }
    }
}
