package dev.orrery.channel.relay.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.HostTaskState;
import dev.orrery.protocol.Message.Ack;
import dev.orrery.protocol.Message.AckKind;
import dev.orrery.protocol.Message.Redirect;
import dev.orrery.protocol.Message.Result;
import dev.orrery.protocol.Message.Shed;
import dev.orrery.protocol.Message.Task;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The center's Shed request: only idle agents move, each to one target, at a bounded rate. */
class ShedTest extends ChannelTestSupport {

    private List<FakeAgent> agents(int n) {
        List<FakeAgent> out = new ArrayList<>();
        IntStream.range(0, n).forEach(i -> out.add(agent("host-" + i)));
        await().until(() -> center.lastReport() != null && center.lastReport().hostIds().size() == n);
        return out;
    }

    private static int redirects(List<FakeAgent> agents) {
        return agents.stream().mapToInt(a -> a.received(Redirect.class).size()).sum();
    }

    @Test
    void shedMovesOnlyIdleAgentsSpreadOverTheTargets() throws IOException {
        startChannel();
        List<FakeAgent> all = agents(6);
        center.send(new Task("t-0", "host-0", "cmd", Map.of(), null, 30));
        center.send(new Task("t-1", "host-1", "cmd", Map.of(), null, 30));
        await().until(() -> all.get(0).received(Task.class).size() == 1 && all.get(1).received(Task.class).size() == 1);

        center.send(new Shed(5, List.of(), List.of("10.0.0.1:7710", "10.0.0.2:7710"), "balancing"));
        await().until(() -> redirects(all) == 4); // 5 asked, only 4 are idle
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> redirects(all) == 4);
        assertTrue(all.get(0).received(Redirect.class).isEmpty() && all.get(1).received(Redirect.class).isEmpty(),
                "agents running a task are never moved");
        List<String> targets = new ArrayList<>();
        for (FakeAgent a : all.subList(2, 6)) {
            Redirect r = a.received(Redirect.class).get(0);
            assertEquals(1, r.channels().size(), "each moved agent gets exactly one target");
            assertEquals("balancing", r.reason());
            targets.add(r.channels().get(0));
        }
        assertEquals(2, targets.stream().filter("10.0.0.1:7710"::equals).count(), "spread evenly: " + targets);

        // a task for a host that was asked to leave is not delivered here: the center re-routes it
        center.send(new Task("t-9", "host-3", "cmd", Map.of(), null, 30));
        await().until(() -> center.received(Ack.class).contains(new Ack("t-9", "host-3", AckKind.UNDELIVERABLE)));
        assertTrue(all.get(3).received(Task.class).isEmpty());
        // the redirected agents that do not leave by themselves are closed after the grace time
        await().atMost(Duration.ofMillis(Shedder.GRACE_MS + 3_000)).until(() -> all.subList(2, 6).stream().allMatch(FakeAgent::isClosed));
        assertTrue(!all.get(0).isClosed() && !all.get(1).isClosed());
    }

    @Test
    void namedHostsMoveOnlyWhenIdle() throws IOException {
        startChannel();
        List<FakeAgent> all = agents(3);
        center.send(new Task("t-0", "host-0", "cmd", Map.of(), null, 30));
        await().until(() -> all.get(0).received(Task.class).size() == 1);
        center.send(new Shed(2, List.of("host-0", "host-1"), List.of("10.9.9.9:7710"), "returning to idc y"));
        await().until(() -> all.get(1).received(Redirect.class).size() == 1);
        assertEquals(new Redirect(List.of("10.9.9.9:7710"), "returning to idc y"), all.get(1).received(Redirect.class).get(0));
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(() -> redirects(all) == 1);
        // once its task ended, host-0 is idle and the next request moves it
        all.get(0).send(new Result("t-0", "host-0", HostTaskState.SUCCEEDED, 0, null, null, false, null, null, 1, 2));
        await().until(() -> center.received(Result.class).size() == 1);
        center.send(new Shed(1, List.of("host-0"), List.of("10.9.9.9:7710"), "returning to idc y"));
        await().until(() -> all.get(0).received(Redirect.class).size() == 1);
        assertTrue(all.get(2).received(Redirect.class).isEmpty());
    }

    @Test
    void redirectsAreSentAtTheConfiguredRate() throws IOException {
        startChannel(settings(10, 10).withRates(1_000, 100, 20));
        List<FakeAgent> all = agents(30);
        long start = System.nanoTime();
        center.send(new Shed(30, List.of(), List.of("10.0.0.1:7710"), "rate"));
        await().atMost(Duration.ofSeconds(5)).until(() -> redirects(all) == 30);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("30 redirects at 20/s took %.2f s%n", seconds);
        assertTrue(seconds >= 1.2, "30 redirects at 20/s must take about 1.5 s, took " + seconds);
        assertEquals(30, channel.redirected());
    }
}
