package dev.orrery.center.proxy.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.store.TaskStore;
import dev.orrery.protocol.Message;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Dispatched host tasks without an Ack RECEIVED are sent again, from the store, until received or timed out. */
class ResendTest extends ProxyTestBase {

    private TaskServiceImpl fastProxy() {
        proxy.close();
        proxy = new TaskServiceImpl(new ProxySettings(60, 3600, 100, 2, 200, 400), hosts, tasks, gateway);
        return proxy;
    }

    @Test
    void resendsUntilReceivedThenStops() {
        fastProxy();
        register(p + "h");
        online(p + "ch", p + "h");
        TaskService.Accepted acc = run("echo", 600, List.of(p + "h"), List.of());
        await().atMost(WAIT).until(() -> gateway.tasksFor(p + "h").size() >= 3);
        assertTrue(proxy.counters().get("resends") >= 2);
        gateway.tasksFor(p + "h").forEach(t -> assertEquals(acc.taskId(), t.taskId(), "the same task id every time"));
        proxy.onAck(p + "ch", new Message.Ack(acc.taskId(), p + "h", Message.AckKind.RECEIVED));
        awaitState(acc.taskId(), p + "h", HostTaskState.RECEIVED);
        int sent = gateway.tasksFor(p + "h").size();
        await().during(Duration.ofMillis(1200)).atMost(WAIT).until(() -> gateway.tasksFor(p + "h").size() <= sent + 1);
    }

    @Test
    void anAckWaitingToBeRecordedHoldsTheResendBack() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        TaskStore slowRecorder = intercepted((method, args) -> {
            if (method.equals("record")) {
                gate.await(10, TimeUnit.SECONDS);
            }
        });
        proxyOver(slowRecorder, new ProxySettings(60, 3600, 100, 2, 1000, 2000));
        register(p + "h");
        online(p + "ch", p + "h");
        TaskService.Accepted acc = run("echo", 600, List.of(p + "h"), List.of());
        await().atMost(WAIT).until(() -> gateway.tasksFor(p + "h").size() == 1);
        // the agent acknowledges at once, but the store takes seconds to record it: still no resend
        proxy.onAck(p + "ch", new Message.Ack(acc.taskId(), p + "h", Message.AckKind.RECEIVED));
        await().during(Duration.ofMillis(2500)).atMost(WAIT).until(() -> gateway.tasksFor(p + "h").size() == 1);
        gate.countDown();
        awaitState(acc.taskId(), p + "h", HostTaskState.RECEIVED);
        await().during(Duration.ofMillis(600)).atMost(WAIT).until(() -> gateway.tasksFor(p + "h").size() == 1);
        assertEquals(0, proxy.counters().get("resends"));
    }

    @Test
    void resendGoesToTheHostsCurrentChannel() {
        fastProxy();
        register(p + "h");
        online(p + "ch1", p + "h");
        TaskService.Accepted acc = run("echo", 600, List.of(p + "h"), List.of());
        awaitState(acc.taskId(), p + "h", HostTaskState.DISPATCHED);
        // The host moves to another channel; the first one never delivered.
        hosts.channelReport(p + "ch1", List.of(), System.currentTimeMillis());
        gateway.connected.add(p + "ch2");
        hosts.channelReport(p + "ch2", List.of(p + "h"), System.currentTimeMillis());
        await().atMost(WAIT).until(() -> gateway.sent.stream().anyMatch(s -> s.channelId().equals(p + "ch2")
                && s.message() instanceof Message.Task t && t.hostId().equals(p + "h")));
        assertEquals(p + "ch2", hostTask(acc.taskId(), p + "h").channel());
    }

    @Test
    void aRestartedProxyResumesWhatWasInFlight() {
        register(p + "sent");
        register(p + "away");
        online(p + "ch", p + "sent");
        TaskService.Accepted acc = run("echo", 600, List.of(p + "sent", p + "away"), List.of());
        awaitState(acc.taskId(), p + "sent", HostTaskState.DISPATCHED);
        proxy.close();
        gateway.sent.clear();
        // A new center on the same store: short resend waits make the dispatched one due at once.
        TaskServiceImpl restarted = fastProxy();
        await().atMost(WAIT).until(() -> !gateway.tasksFor(p + "sent").isEmpty());
        hosts.channelReport(p + "ch", List.of(p + "sent", p + "away"), System.currentTimeMillis());
        restarted.onHostsOnline(p + "ch", List.of(p + "away"));
        await().atMost(WAIT).until(() -> !gateway.tasksFor(p + "away").isEmpty());
        awaitState(acc.taskId(), p + "away", HostTaskState.DISPATCHED);
        for (String h : List.of(p + "sent", p + "away")) {
            restarted.onResult(p + "ch", result(acc.taskId(), h, HostTaskState.SUCCEEDED, 0, new byte[0]));
        }
        assertDone(acc.taskId());
    }

    @Test
    void aHostOfflineAtDispatchWaitsPendingUntilItsTimeout() {
        register(p + "off");
        TaskService.Accepted acc = run("echo", 2, List.of(p + "off"), List.of());
        await().during(Duration.ofMillis(800)).atMost(WAIT).until(() -> hostTask(acc.taskId(), p + "off").state() == HostTaskState.PENDING);
        awaitState(acc.taskId(), p + "off", HostTaskState.TIMED_OUT);
        assertEquals(ErrorCode.HOST_OFFLINE, hostTask(acc.taskId(), p + "off").error());
        assertEquals(List.of(), gateway.tasksFor(p + "off"));
    }

    @Test
    void aTaskLostWithItsChannelTimesOutAsChannelLost() {
        register(p + "h");
        online(p + "ch", p + "h");
        TaskService.Accepted acc = run("echo", 1, List.of(p + "h"), List.of());
        awaitState(acc.taskId(), p + "h", HostTaskState.DISPATCHED);
        gateway.connected.remove(p + "ch");
        hosts.channelLost(p + "ch");
        proxy.onChannelLost(p + "ch");
        awaitState(acc.taskId(), p + "h", HostTaskState.TIMED_OUT);
        assertEquals(ErrorCode.CHANNEL_LOST, hostTask(acc.taskId(), p + "h").error());
    }

    @Test
    void aTaskTheChannelCouldNotDeliverTimesOutAsDeliveryFailed() {
        register(p + "h");
        online(p + "ch", p + "h");
        TaskService.Accepted acc = run("echo", 1, List.of(p + "h"), List.of());
        awaitState(acc.taskId(), p + "h", HostTaskState.DISPATCHED);
        proxy.onAck(p + "ch", new Message.Ack(acc.taskId(), p + "h", Message.AckKind.UNDELIVERABLE));
        awaitState(acc.taskId(), p + "h", HostTaskState.TIMED_OUT);
        assertEquals(ErrorCode.DELIVERY_FAILED, hostTask(acc.taskId(), p + "h").error());
    }

    @Test
    void timeoutStopsReceivedAndRunningHosts() {
        register(p + "r1");
        register(p + "r2");
        online(p + "ch", p + "r1", p + "r2");
        TaskService.Accepted acc = run("sleep 100", 1, List.of(p + "r1", p + "r2"), List.of());
        awaitState(acc.taskId(), p + "r1", HostTaskState.DISPATCHED);
        awaitState(acc.taskId(), p + "r2", HostTaskState.DISPATCHED);
        proxy.onAck(p + "ch", new Message.Ack(acc.taskId(), p + "r1", Message.AckKind.RECEIVED));
        proxy.onAck(p + "ch", new Message.Ack(acc.taskId(), p + "r2", Message.AckKind.RUNNING));
        awaitState(acc.taskId(), p + "r1", HostTaskState.TIMED_OUT);
        awaitState(acc.taskId(), p + "r2", HostTaskState.TIMED_OUT);
        assertEquals(List.of(p + "r1", p + "r2"), gateway.sentOf(Message.Cancel.class).stream().map(Message.Cancel::hostId).sorted().toList());
    }
}
