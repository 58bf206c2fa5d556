package dev.orrery.center.proxy.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostStatus;
import dev.orrery.api.HostTaskState;
import dev.orrery.api.OrreryException;
import dev.orrery.api.TaskState;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
import dev.orrery.center.proxy.Targets;
import dev.orrery.center.store.HostRecord;
import dev.orrery.center.store.HostStore;
import dev.orrery.center.store.HostTaskRecord;
import dev.orrery.center.store.TaskStore;
import dev.orrery.center.store.internal.Database;
import dev.orrery.center.store.internal.DerbyHostStore;
import dev.orrery.center.store.internal.DerbyTaskStore;
import dev.orrery.protocol.Message;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Shared fixture: a real store in a temp folder, a fake gateway, a fresh proxy per test. */
abstract class ProxyTestBase {
    private static final AtomicInteger SEQ = new AtomicInteger();
    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path tmp;
    static Database db;
    static HostStore hosts;
    static TaskStore tasks;

    FakeGateway gateway;
    TaskServiceImpl proxy;
    /** A prefix unique to the running test, for host and channel names. */
    String p;

    @BeforeAll
    static void openStore() {
        db = new Database(tmp.resolve("db"), 4, 10);
        hosts = new DerbyHostStore(db);
        tasks = new DerbyTaskStore(db);
    }

    @AfterAll
    static void closeStore() {
        db.close();
    }

    @BeforeEach
    void startProxy() {
        p = "t" + SEQ.incrementAndGet() + "-";
        gateway = new FakeGateway();
        proxy = new TaskServiceImpl(new ProxySettings(60, 3600, 100, 2), hosts, tasks, gateway);
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    /** Runs before a call of the store goes through: may wait, count or throw. */
    @FunctionalInterface
    interface BeforeCall {
        void before(String method, Object[] args) throws Throwable;
    }

    /** @return the real task store, with {@code before} run ahead of every call */
    static TaskStore intercepted(BeforeCall before) {
        return (TaskStore) Proxy.newProxyInstance(TaskStore.class.getClassLoader(), new Class<?>[] {TaskStore.class}, (o, m, args) -> {
            before.before(m.getName(), args);
            try {
                return m.invoke(tasks, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    /** Replaces the test's proxy by one over {@code store}. */
    TaskServiceImpl proxyOver(TaskStore store, ProxySettings settings) {
        proxy.close();
        proxy = new TaskServiceImpl(settings, hosts, store, gateway);
        return proxy;
    }

    void register(String hostId, String... groups) {
        hosts.register(new HostRecord(hostId, hostId + ".example", List.of("10.0." + SEQ.get() + "." + hostId.length()),
                "SN-" + hostId, "idc1", null, HostStatus.OFFLINE, List.of(groups), Map.of(), 0));
    }

    /** Puts hosts online on a connected channel, as a channel report would, and tells the proxy. */
    void online(String channel, String... hostIds) {
        gateway.connected.add(channel);
        List<String> arrived = hosts.channelReport(channel, List.of(hostIds), System.currentTimeMillis());
        if (!arrived.isEmpty()) {
            proxy.onHostsOnline(channel, arrived);
        }
    }

    TaskService.Accepted run(String command, int timeout, List<String> targets, List<String> groups) {
        return proxy.submit(new TaskSubmission("cmd", new Targets(targets, groups), Map.of("command", command), null, timeout, "key-1"));
    }

    HostTaskRecord hostTask(String taskId, String hostId) {
        return tasks.results(taskId, null, 0, 1000).stream().filter(r -> r.hostId().equals(hostId)).findFirst().orElseThrow();
    }

    void awaitState(String taskId, String hostId, HostTaskState state) {
        await().atMost(WAIT).until(() -> hostTask(taskId, hostId).state() == state);
    }

    static Message.Result result(String taskId, String hostId, HostTaskState state, int exit, byte[] out) {
        return new Message.Result(taskId, hostId, state, exit, out, new byte[0], false, null, null, 1, 2);
    }

    static int taskCount() {
        return db.tx(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM tasks")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    static OrreryException refused(Runnable r) {
        return assertThrows(OrreryException.class, r::run);
    }

    static void assertDone(String taskId) {
        await().atMost(WAIT).until(() -> tasks.get(taskId).orElseThrow().state() == TaskState.DONE);
    }

    static void assertCode(ErrorCode code, OrreryException e) {
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }
}
