package dev.orrery.agent.core.internal;

import dev.orrery.agent.api.HostIdentity;
import dev.orrery.agent.api.TaskHandler;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.Ack;
import dev.orrery.protocol.Message.Register;
import dev.orrery.protocol.Message.Result;
import dev.orrery.protocol.Message.Task;
import dev.orrery.protocol.Message.Welcome;
import dev.orrery.protocol.MerkleTree;
import dev.orrery.protocol.TaskSigning;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A running agent against a fake center and channel, over real sockets. */
abstract class AgentFixture {
    record Id(String hostId, String hostname, List<String> ips, String sn, String idc, List<String> groups)
            implements HostIdentity {
    }

    static final Id ID = new Id("host-7", "host-7.lab", List.of("10.0.0.7", "127.0.0.7"), "SN-7", "lab", List.of("demo"));
    /** The fake center's task-signing key pair; its welcome hands out the public key. */
    static final KeyPair CENTER_KEYS = TaskSigning.generateKeyPair();
    /** The hosts every test task is signed for: this agent's host among others. */
    static final List<String> TARGETS = List.of("host-1", ID.hostId(), "host-9");

    final HandlerRegistry handlers = new HandlerRegistry();
    final AtomicReference<List<String>> offered = new AtomicReference<>();
    FakePeer center;
    FakePeer channel;
    Agent agent;

    @TempDir
    Path data;

    /** Settings against a center port; fast resends, a short handler wait after restarts. */
    AgentSettings settings(int centerPort, String token) {
        return new AgentSettings("127.0.0.1", centerPort, token, 10, 50, 200, 2, 1 << 20, "9.9.9",
                new AgentSettings.Durability(data, 24, 10_000, 200, 1_000, 2), "", limits());
    }

    /** @return the status, data and watchdog limits of the agent: the watchdog is off unless a test turns it on */
    AgentLimits limits() {
        return new AgentLimits(30, 300, 64L << 20, 200_000, 500, 15, 0, 0, 5, 60);
    }

    /** @return the status sources and usage probe of the agent the fixture starts */
    AgentCore.Hooks hooks() {
        return AgentCore.Hooks.defaults();
    }

    @BeforeEach
    void start() throws Exception {
        channel = FakePeer.channel(0);
        offered.set(List.of(channel.address()));
        center = new FakePeer(0, (s, m) -> m instanceof Register r ? new Welcome(r.hostId(), offered.get(), 1,
                CENTER_KEYS.getPublic().getEncoded()) : null);
        handlers.add((r, c) -> TaskOutcome.succeeded(r.param("text", "")), Map.of(TaskHandler.TYPE, "echo", "service.id", 1L));
        agent = newAgent();
        agent.start();
    }

    /** @return an agent over the fixture's data folder with its limits and hooks, not started */
    Agent newAgent() throws java.io.IOException {
        AgentSettings s = settings(center.port(), "tok-1");
        return new Agent(s, TaskTrust.Settings.defaults(s.dataDir()), ID, handlers, AgentTls.OFF, hooks());
    }

    @AfterEach
    void stop() {
        agent.stop();
        channel.close();
        center.close();
    }

    /** @return a task for this agent's host, signed by the fake center as the real one signs */
    static Task task(String id, String type, Map<String, String> params) {
        return signed(new Task(id, ID.hostId(), type, params, null, 30), System.currentTimeMillis() + 60_000);
    }

    /** @return {@code t} signed for {@link #TARGETS} with that expiry, carrying the proof of its host */
    static Task signed(Task t, long expiresAt) {
        MerkleTree tree = MerkleTree.of(TARGETS);
        Task.Seal seal = TaskSigning.seal(CENTER_KEYS.getPrivate(), t.taskId(), t.taskType(), t.params(), t.body(),
                t.timeoutSeconds(), expiresAt, tree);
        return t.withSeal(seal.forHost(tree.proof(t.hostId()).orElse(new byte[0])));
    }

    static <T> List<T> after(List<Message> all, Class<T> type, String taskId) {
        return all.stream().filter(type::isInstance).map(type::cast)
                .filter(m -> m instanceof Ack a ? a.taskId().equals(taskId) : ((Result) m).taskId().equals(taskId)).toList();
    }
}
