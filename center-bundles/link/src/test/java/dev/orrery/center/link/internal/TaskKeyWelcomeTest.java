package dev.orrery.center.link.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.orrery.center.link.TaskSigningKey;
import dev.orrery.protocol.Message;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Agents are welcomed only with the center's task-signing key: while it is missing, registrations are refused. */
class TaskKeyWelcomeTest {
    private final LinkServer server = new LinkServer(new LinkSettings("127.0.0.1", 0, 64 * 1024, 10, 2), new FakeHostStore(), null,
            new ChannelRegistry(), TaskKeyHolder.awaiting(), null);

    @AfterEach
    void stop() {
        server.close();
    }

    private Peer register(String hostId) {
        Peer agent = new Peer(server.port());
        agent.send(new Message.Register("", hostId, hostId, List.of("10.1.1.1"), "SN", "idc1", List.of(), "1.0"));
        return agent;
    }

    @Test
    void registrationsWaitForTheKeyThenCarryIt() throws Exception {
        try (Peer early = register("h1")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !early.connected());
        }
        byte[] key = {9, 8, 7};
        TaskSigningKey service = () -> key;
        server.setTaskKey(service);
        try (Peer agent = register("h2")) {
            assertArrayEquals(key, agent.next(Message.Welcome.class).taskKey());
        }
        server.unsetTaskKey(service);
        try (Peer late = register("h3")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !late.connected());
        }
    }
}
